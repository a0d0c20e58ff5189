using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>A decision as typed in the form or sent to the API; the date as ISO text (yyyy-MM-dd) so a bad date is one error among the others.</summary>
public sealed record DecisionRecordInput(
    string? ScenarioCode, string? Title, string? Rationale, string? DecisionDate, string? PreparedBy, string? ApprovedBy,
    int? Corrects = null, string? CorrectionReason = null);

public abstract record DecisionOutcome
{
    public sealed record Recorded(DecisionRecord Record) : DecisionOutcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : DecisionOutcome;
}

/// <summary>
/// Records decisions: validates the whole input, snapshots the inputs at that moment and stores a new record with the
/// next number. Never changes a stored record. A correction must name the newest record of its chain: a record that
/// was already corrected is refused, so the chain stays a single line (1 ← 2 ← 3) that reads from old to new.
/// </summary>
public sealed class DecisionRecorder(AppDbContext db, DecisionInputsBuilder inputs, ScenarioPriorityService priority, TimeProvider clock)
{
    public const int MaxCorrectionReason = 2000;
    public const int YearsBack = 5, YearsAhead = 1;
    private const int Attempts = 5;

    public static class Fields
    {
        public const string Scenario = "scenario", Title = "titel", Rationale = "onderbouwing", Date = "besluitdatum",
            PreparedBy = "opgesteld-door", ApprovedBy = "vastgesteld-door", Corrects = "corrigeert", Reason = "reden-correctie";
    }

    public async Task<DecisionOutcome> RecordAsync(string gemeenteCode, DecisionRecordInput input, string user, CancellationToken ct,
        IReadOnlyList<RankingEntry>? ranking = null)
    {
        var scenarios = await inputs.ScenariosAsync(gemeenteCode, ct);
        var errors = new List<FieldError>();
        var scenario = scenarios.FirstOrDefault(s => s.Code == input.ScenarioCode?.Trim());
        if (string.IsNullOrWhiteSpace(input.ScenarioCode))
        {
            errors.Add(new(Fields.Scenario, "Kies het scenario waarvoor het college kiest."));
        }
        else if (scenario is null)
        {
            errors.Add(new(Fields.Scenario, $"Het scenario ‘{input.ScenarioCode}’ bestaat niet in de landelijke bibliotheek of de eigen scenario's van de gemeente."));
        }
        var title = Required(input.Title, Fields.Title, "Vul het onderwerp van het besluit in.", DecisionRecord.MaxTitle, "Het onderwerp", errors);
        var rationale = Required(input.Rationale, Fields.Rationale, "Vul de onderbouwing van het college in.", DecisionRecord.MaxText, "De onderbouwing", errors);
        var preparedBy = Required(input.PreparedBy, Fields.PreparedBy, "Vul in wie het besluit heeft voorbereid.", DecisionRecord.MaxName, "‘Opgesteld door’", errors);
        var approvedBy = Required(input.ApprovedBy, Fields.ApprovedBy, "Vul in wie het besluit heeft genomen (bijvoorbeeld het college van B en W, met de datum).", DecisionRecord.MaxName, "‘Vastgesteld door’", errors);
        var date = ParseDate(input.DecisionDate, errors);

        DecisionRecord? corrected = null;
        string? reason = null;
        if (input.Corrects is { } number)
        {
            corrected = await db.DecisionRecords.AsNoTracking().FirstOrDefaultAsync(d => d.GemeenteCode == gemeenteCode && d.Number == number, ct);
            if (corrected is null)
            {
                errors.Add(new(Fields.Corrects, $"Besluit {number} bestaat niet; er is niets om te corrigeren."));
            }
            else if (await CorrectedByAsync(corrected.Id, ct) is { } newer)
            {
                errors.Add(new(Fields.Corrects, $"Besluit {number} is al gecorrigeerd door besluit {newer}; corrigeer het nieuwste besluit ({newer})."));
            }
            reason = Required(input.CorrectionReason, Fields.Reason, "Vul de reden van de correctie in.", MaxCorrectionReason, "De reden van de correctie", errors);
        }
        else if (!string.IsNullOrWhiteSpace(input.CorrectionReason))
        {
            errors.Add(new(Fields.Reason, "Een reden van correctie hoort alleen bij een correctie van een eerder besluit."));
        }
        if (errors.Count > 0)
        {
            return new DecisionOutcome.Invalid(errors);
        }

        // The order the college saw: the priority at this moment, unless the caller passes the one it showed.
        ranking ??= (await priority.ComputeAsync(gemeenteCode, ct))?.Rows is { Count: > 0 } rows
            ? [.. rows.Select(r => new RankingEntry(r.Code, r.Name, r.Rank, r.Score))]
            : null;
        var snapshot = (await inputs.SnapshotAsync(gemeenteCode, ranking, reason, ct)).ToJson();
        for (var attempt = 1; ; attempt++)
        {
            var record = new DecisionRecord
            {
                Id = Guid.NewGuid(),
                GemeenteCode = gemeenteCode,
                ScenarioCode = scenario!.Code,
                ScenarioName = scenario.Name,
                Title = title!,
                Rationale = rationale!,
                DecisionDate = date!.Value,
                PreparedBy = preparedBy!,
                ApprovedBy = approvedBy!,
                InputsJson = snapshot,
                CorrectsId = corrected?.Id,
                RecordedAt = clock.GetUtcNow(),
                RecordedBy = user,
            };
            // On SQLite the transaction takes the write lock at once (BEGIN IMMEDIATE); on PostgreSQL a second writer
            // with the same number fails on the unique index and tries again with the next one.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                if (corrected is not null)
                {
                    if (db.Database.IsNpgsql())
                    {
                        // Serialises two corrections of the same record: the second sees the first once it gets the lock.
                        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"DecisionRecords\" WHERE \"Id\" = {corrected.Id} FOR UPDATE", ct);
                    }
                    if (await CorrectedByAsync(corrected.Id, ct) is { } newer)
                    {
                        return new DecisionOutcome.Invalid([new(Fields.Corrects, $"Besluit {corrected.Number} is intussen gecorrigeerd door besluit {newer}; corrigeer het nieuwste besluit ({newer}).")]);
                    }
                }
                record.Number = 1 + (await db.DecisionRecords.IgnoreQueryFilters().Where(d => d.GemeenteCode == gemeenteCode).MaxAsync(d => (int?)d.Number, ct) ?? 0);
                db.DecisionRecords.Add(record);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return new DecisionOutcome.Recorded(record);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                await tx.RollbackAsync(ct);
                db.Entry(record).State = EntityState.Detached;
            }
        }
    }

    private async Task<int?> CorrectedByAsync(Guid id, CancellationToken ct)
        => await db.DecisionRecords.IgnoreQueryFilters().AsNoTracking().Where(d => d.CorrectsId == id).Select(d => (int?)d.Number).FirstOrDefaultAsync(ct);

    private static string? Required(string? value, string field, string missing, int max, string what, List<FieldError> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new(field, missing));
            return null;
        }
        if (text.Length > max)
        {
            errors.Add(new(field, $"{what} is {text.Length.ToString("N0", Shared.Format.Dutch)} tekens lang; het mag hoogstens {max.ToString("N0", Shared.Format.Dutch)} tekens zijn."));
            return null;
        }
        return text;
    }

    private DateOnly? ParseDate(string? value, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(Fields.Date, "Vul de datum van het besluit in."));
            return null;
        }
        if (!DateOnly.TryParseExact(value.Trim(), ["yyyy-MM-dd", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new(Fields.Date, $"‘{value}’ is geen datum; gebruik dd-mm-jjjj of jjjj-mm-dd."));
            return null;
        }
        var today = Shared.Format.Today(clock);
        var (first, last) = (today.AddYears(-YearsBack), today.AddYears(YearsAhead));
        if (date < first || date > last)
        {
            errors.Add(new(Fields.Date, $"De besluitdatum moet tussen {first.ToString("d MMMM yyyy", Shared.Format.Dutch)} en {last.ToString("d MMMM yyyy", Shared.Format.Dutch)} liggen."));
            return null;
        }
        return date;
    }
}
