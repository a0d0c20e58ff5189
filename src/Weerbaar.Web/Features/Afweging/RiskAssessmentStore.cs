using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Risk;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scenarios;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>An assessment as typed: classes as text ("C", "B–C", "X"), preparedness as text so "zes" gets a Dutch message.</summary>
public sealed record RiskAssessmentInput(
    string? Likelihood, IReadOnlyDictionary<string, string?>? Impacts, string? OwnPreparedness, string? Rationale);

public abstract record RiskAssessmentOutcome
{
    public sealed record Saved(RiskAssessmentEntry Entry, ScenarioRisk Risk) : RiskAssessmentOutcome;
    /// <summary>Errors with field "likelihood", a criterion id, "ownPreparedness", "rationale" or "version".</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : RiskAssessmentOutcome;
    public sealed record Conflict(string UpdatedBy) : RiskAssessmentOutcome;
    public sealed record NotFound : RiskAssessmentOutcome;
}

/// <summary>Saves a gemeente's assessment of one scenario on the current risk method, whole or not at all.</summary>
public sealed class RiskAssessmentStore(AppDbContext db, ScenarioCatalog catalog, TimeProvider clock)
{
    public const string PreparednessField = "ownPreparedness";
    public const string RationaleField = "rationale";
    public const string VersionField = "version";

    public static RiskMethod Method => RiskMethod.Default;

    public static readonly IReadOnlyList<string> PreparednessLabels =
        ["niet voorbereid", "weinig voorbereid", "deels voorbereid", "grotendeels voorbereid", "goed voorbereid"];

    public Task<RiskAssessmentEntry?> FindAsync(string gemeenteCode, string scenarioCode, CancellationToken ct)
    {
        var lower = scenarioCode.ToLowerInvariant();
        return db.RiskAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.GemeenteCode == gemeenteCode && a.ScenarioCode == lower, ct);
    }

    /// <summary>The entry's classes scored on the method; null when they no longer pass (e.g. a changed method).</summary>
    public static ScenarioRisk? Score(RiskAssessmentEntry entry)
    {
        var check = AssessmentValidator.Validate(Method, ToAssessment(entry));
        return check.Assessment is { } valid ? RiskScoring.Score(Method, valid) : null;
    }

    public static ScenarioAssessment ToAssessment(RiskAssessmentEntry entry) =>
        new(entry.ScenarioCode, entry.Likelihood, entry.Impacts.ToDictionary(i => i.Key, i => (string?)i.Value));

    /// <param name="version">The version the assessor saw: 0 when there was no assessment yet.</param>
    public async Task<RiskAssessmentOutcome> SaveAsync(string gemeenteCode, string scenarioCode, RiskAssessmentInput input, int? version, string user, CancellationToken ct)
    {
        var scenario = await catalog.FindAsync(gemeenteCode, scenarioCode, ct);
        if (scenario is null)
        {
            return new RiskAssessmentOutcome.NotFound();
        }
        var row = await db.RiskAssessments.FirstOrDefaultAsync(a => a.GemeenteCode == gemeenteCode && a.ScenarioCode == scenario.Code, ct);
        if (version is null)
        {
            return new RiskAssessmentOutcome.Invalid([new(VersionField, "De versie ontbreekt; stuur 0 mee voor een nieuwe beoordeling of de versie die u ophaalde.")]);
        }
        if (version != (row?.Version ?? 0))
        {
            return new RiskAssessmentOutcome.Conflict(row?.UpdatedBy ?? "iemand anders");
        }

        var impacts = input.Impacts ?? new Dictionary<string, string?>();
        var check = AssessmentValidator.Validate(Method, new ScenarioAssessment(scenario.Code, input.Likelihood, impacts));
        var errors = check.Errors.Select(e => new FieldError(e.Field, e.Message)).ToList();
        int? preparedness = null;
        var prepText = input.OwnPreparedness?.Trim() ?? "";
        if (prepText.Length > 0)
        {
            if (int.TryParse(prepText, out var p) && p is >= 1 and <= 5)
            {
                preparedness = p;
            }
            else
            {
                errors.Add(new(PreparednessField, "De eigen voorbereiding is een getal van 1 (niet voorbereid) tot en met 5 (goed voorbereid), of leeg."));
            }
        }
        var rationale = input.Rationale?.Trim();
        if (rationale?.Length > RiskAssessmentEntry.MaxText)
        {
            errors.Add(new(RationaleField, $"De onderbouwing is {Shared.Format.Number(rationale.Length)} tekens; het maximum is {Shared.Format.Number(RiskAssessmentEntry.MaxText)}."));
        }
        if (check.Assessment is not { } valid || errors.Count > 0)
        {
            return new RiskAssessmentOutcome.Invalid(errors);
        }

        if (row is null)
        {
            row = new RiskAssessmentEntry { GemeenteCode = gemeenteCode, ScenarioCode = scenario.Code, MethodVersion = Method.Version, UpdatedBy = user };
            db.RiskAssessments.Add(row);
        }
        // Stored in the method's own spelling (upper case, en dash) so every reader sees the same text.
        row.MethodVersion = Method.Version;
        row.Likelihood = valid.Likelihood.ToString();
        row.Impacts = valid.Impacts.ToDictionary(i => i.Criterion.Id, i => i.Class.ToString());
        row.OwnPreparedness = preparedness;
        row.Rationale = string.IsNullOrEmpty(rationale) ? null : rationale;
        row.Version++;
        row.UpdatedBy = user;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Stale version, or a second first assessment in between (unique index).
            db.ChangeTracker.Clear();
            var current = await FindAsync(gemeenteCode, scenario.Code, ct);
            return new RiskAssessmentOutcome.Conflict(current?.UpdatedBy ?? "iemand anders");
        }
        return new RiskAssessmentOutcome.Saved(row, RiskScoring.Score(Method, valid));
    }
}
