using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Rounds;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Scan.Responses;

public sealed record ImportResult(int Imported, int Replaced);

/// <summary>The response file (DESIGN.md "Response file"): all-or-nothing import and a byte-stable export.</summary>
public static class ResponseFileEndpoints
{
    public static IEndpointRouteBuilder MapResponseFileEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiConventions.BasePath + "/rounds/{id:guid}/responses").WithTags("Weerbaarheidsscan").RequireAuthorization(Policies.Onderzoek);

        group.MapPost("/import", async Task<Results<Ok<ImportResult>, ProblemHttpResult>> (
            Guid id, bool? replace, HttpRequest request, ResponseImporter importer, CancellationToken ct) =>
        {
            if (await RequestFiles.ReadCsvAsync(request, ct) is not { } bytes)
            {
                return RequestFiles.Refusal(request);
            }
            return await importer.ImportAsync(id, bytes, replace ?? false, ct) switch
            {
                ImportOutcome.Done done => TypedResults.Ok(done.Result),
                ImportOutcome.NotFound => RoundsEndpoints.RoundNotFound(id),
                ImportOutcome.Closed => Invitations.InvitationsEndpoints.ClosedRound(),
                ImportOutcome.Invalid invalid => TypedResults.Problem(ApiConventions.ValidationProblem(
                    $"Het bestand bevat {invalid.Errors.Count} fout(en); er is niets opgeslagen.",
                    new Dictionary<string, object?> { ["errors"] = invalid.Errors.Select(e => new { row = e.Row, column = e.Column, message = e.Message }).ToList() })),
                ImportOutcome.Duplicates dup => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = ApiConventions.DutchTitle(409),
                    Detail = $"{dup.Respondents.Count} respondent(en) staan al in deze ronde; er is niets opgeslagen. Gebruik ?replace=true om ze te vervangen.",
                    Extensions = { ["errors"] = dup.Respondents.Select(r => new { row = r.Row, column = ResponseCsv.RespondentColumn, message = $"Respondent '{r.Respondent}' bestaat al in deze ronde." }).ToList() },
                }),
                _ => throw new InvalidOperationException(),
            };
        })
        .WithName("ImportResponses").WithSummary("Importeer antwoorden (CSV, alles of niets).")
        .Accepts<string>("text/csv")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            Guid id, AppDbContext db, InstrumentCatalog instruments, CancellationToken ct) =>
        {
            var round = await db.ScanRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (round is null)
            {
                return RoundsEndpoints.RoundNotFound(id);
            }
            var (bytes, _) = await ExportAsync(db, instruments.Find(round.InstrumentId)!, id, ct);
            return TypedResults.File(bytes, "text/csv; charset=utf-8", $"antwoorden-{round.InstrumentId}-{round.Id:N}.csv");
        })
        .WithName("ExportResponses").WithSummary("Alle antwoorden van de ronde als CSV (zelfde formaat als de import).")
        .Produces<string>(StatusCodes.Status200OK, "text/csv")
        .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    /// <summary>The round's response file as the export serves it (also packed in the report's data package).</summary>
    public static async Task<(byte[] Csv, int Rows)> ExportAsync(AppDbContext db, Instrument instrument, Guid roundId, CancellationToken ct)
    {
        var rows = await db.ScanResponses.AsNoTracking().Where(r => r.RoundId == roundId)
            .OrderBy(r => r.Position).ThenBy(r => r.RespondentId)
            .Select(r => new ResponseRow(r.RespondentId, r.GemeenteCode, r.CompletedOn, r.Answers))
            .ToListAsync(ct);
        return (ResponseCsv.Write(instrument, rows), rows.Count);
    }
}

public abstract record ImportOutcome
{
    public sealed record Done(ImportResult Result) : ImportOutcome;
    public sealed record NotFound : ImportOutcome;
    public sealed record Closed : ImportOutcome;
    public sealed record Invalid(IReadOnlyList<CsvError> Errors) : ImportOutcome;
    public sealed record Duplicates(IReadOnlyList<(int Row, string Respondent)> Respondents) : ImportOutcome;
    public sealed record Checked(IReadOnlyList<ResponseRow> Rows, IReadOnlyList<(int Row, string Respondent)> Existing) : ImportOutcome;
}

/// <summary>Validates the whole file first, then stores every row in one transaction.</summary>
public sealed class ResponseImporter(AppDbContext db, InstrumentCatalog instruments, ReferenceData reference, TimeProvider clock)
{
    /// <param name="checkOnly">Validate and report what would be stored (<see cref="ImportOutcome.Checked"/>), store nothing.</param>
    public async Task<ImportOutcome> ImportAsync(Guid roundId, byte[] file, bool replace, CancellationToken ct, bool checkOnly = false)
    {
        var round = await db.ScanRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return new ImportOutcome.NotFound();
        }
        if (round.Status == RoundStatus.Gesloten)
        {
            return new ImportOutcome.Closed();
        }
        var instrument = instruments.Find(round.InstrumentId)!;
        var (rows, errors) = ResponseCsv.Parse(file, instrument, code => round.InPopulation(code, reference));
        if (errors.Count > 0)
        {
            return new ImportOutcome.Invalid(errors);
        }

        var ids = rows.Select(r => r.Respondent).ToList();
        var existing = (await db.ScanResponses.IgnoreQueryFilters().Where(r => r.RoundId == roundId).Select(r => r.RespondentId).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var clashes = rows.Select((r, i) => (Row: i + 2, r.Respondent)).Where(x => existing.Contains(x.Respondent)).ToList();
        if (checkOnly)
        {
            return new ImportOutcome.Checked(rows, clashes);
        }
        if (clashes.Count > 0 && !replace)
        {
            return new ImportOutcome.Duplicates(clashes);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var replaced = 0;
            if (clashes.Count > 0)
            {
                var clashIds = clashes.Select(c => c.Respondent).ToList();
                replaced = await db.ScanResponses.IgnoreQueryFilters().Where(r => r.RoundId == roundId && clashIds.Contains(r.RespondentId)).ExecuteDeleteAsync(ct);
            }
            var position = await db.ScanResponses.IgnoreQueryFilters().Where(r => r.RoundId == roundId).MaxAsync(r => (int?)r.Position, ct) ?? 0;
            var now = clock.GetUtcNow();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var row in rows)
            {
                db.ScanResponses.Add(new ScanResponse
                {
                    RoundId = roundId,
                    GemeenteCode = row.Gemeentecode,
                    RespondentId = row.Respondent,
                    Status = ResponseStatus.Submitted,
                    Version = 1,
                    Answers = new Dictionary<string, string>(row.Answers),
                    CompletedOn = row.CompletedOn,
                    CreatedAt = now,
                    UpdatedAt = now,
                    SubmittedAt = row.CompletedOn is { } c && ResponseCsv.TryParseIso(c, out var at) ? at.ToUniversalTime() : now,
                    Source = "import",
                    Position = ++position,
                });
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return (ImportOutcome)new ImportOutcome.Done(new ImportResult(rows.Count, replaced));
        });
    }
}
