package org.commitmenttracker.round;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.commitmenttracker.commitment.CommitmentRepository;
import org.commitmenttracker.common.http.ApiProblem;
import org.commitmenttracker.common.http.Etags;
import org.commitmenttracker.common.http.MergePatch;
import org.commitmenttracker.common.http.Page;
import org.commitmenttracker.common.http.PageParams;
import org.commitmenttracker.common.http.Sortable;

import com.fasterxml.jackson.databind.JsonNode;

/** Rounds: listing, reading and writing them, and refusing to delete one that still has commitments. */
@ApplicationScoped
public class RoundService {

    static final Sortable SORTABLE = Sortable.of("publishedOn", "publishedOn", "year", "year", "title", "title",
            "createdAt", "createdAt");

    private final RoundRepository rounds;
    private final CommitmentRepository commitments;
    private final MergePatch mergePatch;

    RoundService(RoundRepository rounds, CommitmentRepository commitments, MergePatch mergePatch) {
        this.rounds = rounds;
        this.commitments = commitments;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public Page<RoundView> list(Integer year, String q, PageParams paging) {
        return paging.page(rounds.search(year, q, paging.toSort(SORTABLE)), RoundView::from);
    }

    /** One statement, so no transaction: read in the request's session, without JTA's begin and commit. */
    public RoundView get(UUID id) {
        return RoundView.from(find(id));
    }

    @Transactional
    public RoundView create(RoundRequest request) {
        var round = new Round();
        apply(round, request);
        rounds.persistAndFlush(round);
        return RoundView.from(round);
    }

    @Transactional
    public RoundView update(UUID id, RoundRequest request, String ifMatch) {
        var round = find(id);
        Etags.require(ifMatch, round.version);
        apply(round, request);
        rounds.flush();
        return RoundView.from(round);
    }

    @Transactional
    public RoundView patch(UUID id, JsonNode patch, String ifMatch) {
        var round = find(id);
        Etags.require(ifMatch, round.version);
        apply(round, mergePatch.apply(RoundRequest.from(round), patch, RoundRequest.class));
        rounds.flush();
        return RoundView.from(round);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        var round = find(id);
        Etags.require(ifMatch, round.version);
        long dependents = commitments.countByRound(id);
        if (dependents > 0) {
            throw ApiProblem.conflict("round " + id + " still has " + dependents
                    + " commitment(s); delete them first");
        }
        rounds.delete(round);
        rounds.flush();
    }

    /** The round with this id, or 404; for other features that refer to rounds. */
    public Round find(UUID id) {
        return rounds.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("round", id));
    }

    private static void apply(Round round, RoundRequest request) {
        round.title = request.title().strip();
        round.year = request.year();
        round.issuer = request.issuer().strip();
        round.publishedOn = request.publishedOn();
    }
}
