package org.commitmenttracker.importing;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.commitmenttracker.auth.Roles;
import org.commitmenttracker.common.http.ApiProblem;
import org.commitmenttracker.common.http.Idempotency;
import org.commitmenttracker.common.http.Params;
import org.commitmenttracker.common.http.Problem;
import org.commitmenttracker.importing.ImportDocument.RoundDraft;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

@Path(ImportResource.PATH)
@Tag(name = "Imports", description = "Reading a published commitment letter (整改承诺书) into the tracker: preview, edit, commit")
public class ImportResource {

    static final String PATH = "/api/v1/imports";
    /** A letter of the genre is tens of kilobytes; a megabyte is no letter. */
    static final int MAX_BYTES = 1_000_000;
    /** A preview, with a source sentence for every item, is about three times its letter. */
    static final int MAX_JSON_BYTES = 4 * MAX_BYTES;

    private final ImportService service;
    private final Idempotency idempotency;
    private final ObjectMapper mapper;
    private final Validator validator;

    ImportResource(ImportService service, Idempotency idempotency, ObjectMapper mapper, Validator validator) {
        this.service = service;
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.validator = validator;
    }

    /** What makes two import requests the same for Idempotency-Key: the parameters and a digest of the body. */
    private record Call(String contentType, String commit, String roundId, String year, String title, String issuer,
            String publishedOn, String body) {
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes({ MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importLetter", summary = "Preview or commit a commitment letter",
            description = """
                    Send the letter as `text/plain; charset=utf-8` (another charset when declared, e.g. GBK) with \
                    `roundId` of an existing round, or `year`, `title`, `issuer` and `publishedOn` of a new one (an \
                    existing round with that year, title and issuer is used). The answer is a preview and nothing is \
                    written: departments (matched to stored ones by name, else new with a proposed code), problems \
                    with goal, measures, deadline text and responsibility chain, candidate targets and milestones \
                    (dated by the reading rules of the demo data; `targetKey` ties a milestone to a target of its \
                    problem), each with the `line` and `source` sentence it came from, and `warnings` for what could \
                    not be read. A target with `review` needs a look (a per-unit figure, a range without a value).

                    With `commit=true` everything is written in one transaction through the same validation as the \
                    other endpoints: all or nothing, answered with 201, the document with the new ids, and Location \
                    naming the round. The preview, edited (a target dropped, a unit corrected), can be posted back as \
                    `application/json` with `commit=true` to write exactly that; without `commit` it is checked and \
                    answered again. In JSON the round comes from the document's `round`.

                    Importing the same letter into the same round twice creates no duplicates: when the round \
                    already holds a problem (department and seq) of the letter, the commit is refused with 409 and \
                    writes nothing; the preview warns about it first.

                    Only `admin` may import, preview included: a preview proposes rounds, departments and codes that \
                    only an admin may write.""")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING, maxLength = 1048576,
                    description = "The letter as published, at most 1 MB, lines of at most 10000 characters")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportDocument.class)) })
    @APIResponse(responseCode = "200", description = "The preview (nothing written)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportDocument.class)))
    @APIResponse(responseCode = "201", description = "Committed: the document with the ids of the round, departments, "
            + "commitments, targets and milestones written; Location and ETag name the round and its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportDocument.class)))
    @APIResponse(responseCode = "409", description = "The round already holds a problem of this letter (imported "
            + "before), or another conflict with stored data; nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "415", description = "The body is neither text/plain nor application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response importLetter(byte[] body,
            @HeaderParam("Content-Type") String contentType,
            @QueryParam("commit") @Parameter(description = "true writes the letter; absent or false previews it",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String commit,
            @QueryParam("roundId") @Parameter(description = "Import into this existing round (text only)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String roundId,
            @QueryParam("year") @Parameter(description = "A new round's year; also the year of the letter's dates "
                    + "written without one (text only)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1949", maximum = "2100")) String year,
            @QueryParam("title") @Parameter(description = "A new round's title (text only)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) String title,
            @QueryParam("issuer") @Parameter(description = "A new round's issuer (text only)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) String issuer,
            @QueryParam("publishedOn") @Parameter(description = "A new round's publication date (text only)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String publishedOn,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) throws JsonProcessingException {
        boolean write = Params.flag("commit", commit);
        if (body == null || body.length == 0) {
            throw ApiProblem.invalid("body", "is empty: send the letter as text/plain, or a preview as application/json");
        }
        var media = mediaType(contentType);
        boolean json = media.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        if (body.length > (json ? MAX_JSON_BYTES : MAX_BYTES)) {
            throw ApiProblem.invalid("body", json ? "is larger than 4 MB; a preview of a letter is far smaller"
                    : "is larger than 1 MB; a commitment letter is far smaller");
        }
        var call = new Call(media.toString(), String.valueOf(write), roundId, year, title, issuer, publishedOn,
                digest(body));
        if (json) {
            if (Stream.of(roundId, year, title, issuer, publishedOn).anyMatch(p -> p != null)) {
                throw ApiProblem.invalid("roundId", "a JSON preview names its round in its own 'round'; "
                        + "send no round parameters with it");
            }
            var document = document(body);
            return idempotency.once(idempotencyKey, "POST " + PATH, call,
                    () -> write ? created(service.commit(document))
                            : new Idempotency.Outcome(200, null, service.check(document), null));
        }
        var text = text(body, media);
        var round = round(roundId, year, title, issuer, publishedOn);
        return idempotency.once(idempotencyKey, "POST " + PATH, call, () -> {
            var preview = service.read(text, round);
            return write ? created(service.commit(preview)) : new Idempotency.Outcome(200, null, preview, null);
        });
    }

    private static Idempotency.Outcome created(ImportService.Committed committed) {
        var document = committed.document();
        return new Idempotency.Outcome(201, URI.create("/api/v1/rounds/" + document.round().id()), document,
                committed.roundVersion());
    }

    private static MediaType mediaType(String contentType) {
        try {
            return contentType == null ? MediaType.TEXT_PLAIN_TYPE : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("Content-Type", "is not a media type");
        }
    }

    private ImportDocument document(byte[] body) throws JsonProcessingException {
        ImportDocument document;
        try {
            document = mapper.readValue(body, ImportDocument.class);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw ApiProblem.invalid("body", "could not be read as JSON");
        }
        if (document == null) {
            throw ApiProblem.invalid("body", "must be an import document, not null");
        }
        var violations = validator.validate(document);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return document;
    }

    /**
     * The letter as text, decoded strictly in the declared charset (UTF-8 when none is declared): a body that is not
     * text in it, holds control characters, or has a line no letter has is refused rather than half-read.
     */
    static String text(byte[] body, MediaType media) {
        var name = media.getParameters().getOrDefault("charset", "UTF-8");
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ApiProblem.invalid("Content-Type", "charset '" + Params.text("charset", name)
                    + "' is not supported; send UTF-8");
        }
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.invalid("body", "is not " + charset.name() + " text; declare the letter's charset, e.g. "
                    + "Content-Type: text/plain; charset=GBK");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7f)) {
            throw ApiProblem.invalid("body", "holds control characters: it is not the text of a letter");
        }
        if (text.isBlank()) {
            throw ApiProblem.invalid("body", "is empty: send the letter's text");
        }
        int number = 0;
        for (var line : text.split("\r\n|\r|\n", -1)) {
            number++;
            if (line.length() > LetterParser.MAX_LINE) {
                throw ApiProblem.invalid("body", "line " + number + " has " + line.length()
                        + " characters; a letter's lines have at most " + LetterParser.MAX_LINE);
            }
        }
        return text;
    }

    private static RoundDraft round(String roundId, String year, String title, String issuer, String publishedOn) {
        var id = Params.uuid("roundId", roundId);
        boolean anyNew = Stream.of(year, title, issuer, publishedOn).anyMatch(p -> p != null && !p.isBlank());
        if (id != null && anyNew) {
            throw ApiProblem.invalid("roundId", "give either roundId or year, title, issuer and publishedOn, not both");
        }
        if (id == null && !anyNew) {
            throw ApiProblem.invalid("roundId", "name the round: roundId of an existing one, or year, title, issuer "
                    + "and publishedOn of a new one");
        }
        return new RoundDraft(id, Params.text("title", title), Params.integer("year", year, 1949, 2100),
                Params.text("issuer", issuer), Params.date("publishedOn", publishedOn));
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
