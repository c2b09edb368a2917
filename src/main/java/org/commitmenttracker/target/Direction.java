package org.commitmenttracker.target;

/** Which way a target is met: INCREASE when actual ≥ target, DECREASE when actual ≤ target. */
public enum Direction {
    INCREASE,
    DECREASE
}
