using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.SelfReliance;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Programme;

/// <summary>The programme's settings as typed or sent; numbers and dates as text.</summary>
public sealed record ProgrammeSettingsInput(
    string? Name, string? Regisseur, string? RegisseurDepartment, string? DigestEmail, string? Background, string? Goals, string? Risks,
    string? StartDate, string? EndDate, string? ReviewCycleMonths, string? AvailableFte, IReadOnlyList<(string Year, string Amount)>? Budget);

/// <summary>Saves a gemeente's programme settings; a stale version is refused and nothing changes.</summary>
public sealed class ProgrammeSettingsStore(AppDbContext db, TimeProvider clock)
{
    public static class Fields
    {
        public const string Name = "name";
        public const string Regisseur = "regisseur";
        public const string RegisseurDepartment = "regisseurDepartment";
        public const string DigestEmail = "digestEmail";
        public const string Background = "background";
        public const string Goals = "goals";
        public const string Risks = "risks";
        public const string Start = "startDate";
        public const string End = "endDate";
        public const string ReviewCycle = "reviewCycleMonths";
        public const string Fte = "availableFte";
        public const string Budget = "budget";
    }

    /// <param name="version">The version the editor saw (0 when nothing was stored); null skips the check (API without version).</param>
    public async Task<AssumptionsOutcome> SaveAsync(string gemeenteCode, ProgrammeSettingsInput input, int? version, string user, CancellationToken ct)
    {
        var row = await db.Programmes.FirstOrDefaultAsync(p => p.GemeenteCode == gemeenteCode, ct);
        if (version is { } v && v != (row?.Version ?? 0))
        {
            return new AssumptionsOutcome.Conflict(row?.UpdatedBy ?? "?", row?.UpdatedAt ?? DateTimeOffset.MinValue);
        }
        var errors = new List<FieldError>();
        var name = input.Name?.Trim() is { Length: > 0 } n ? n : ProgrammeReader.DefaultName;
        if (name.Length > GemeenteProgramme.MaxName)
        {
            errors.Add(new(Fields.Name, $"De naam is {name.Length} tekens; het maximum is {GemeenteProgramme.MaxName}."));
        }
        var regisseur = Optional(input.Regisseur, Fields.Regisseur, "De naam van de regisseur", GemeenteProgramme.MaxName, errors);
        var department = Optional(input.RegisseurDepartment, Fields.RegisseurDepartment, "De afdeling van de regisseur", GemeenteProgramme.MaxName, errors);
        var email = Optional(input.DigestEmail, Fields.DigestEmail, "Het e-mailadres", 256, errors);
        if (email is not null && !MailAddress.TryCreate(email, out _))
        {
            errors.Add(new(Fields.DigestEmail, $"‘{email}’ is geen geldig e-mailadres."));
        }
        var background = Optional(input.Background, Fields.Background, "De aanleiding", GemeenteProgramme.MaxText, errors);
        var goals = Optional(input.Goals, Fields.Goals, "De doelen", GemeenteProgramme.MaxText, errors);
        var risks = Optional(input.Risks, Fields.Risks, "De risico’s", GemeenteProgramme.MaxText, errors);
        DateOnly? start = null, end = null;
        if (string.IsNullOrWhiteSpace(input.StartDate))
        {
            errors.Add(new(Fields.Start, "Vul de startdatum van het programma in (dd-mm-jjjj)."));
        }
        else if ((start = DutchInput.Date(input.StartDate)) is null)
        {
            errors.Add(new(Fields.Start, $"‘{input.StartDate}’ is geen datum; gebruik dd-mm-jjjj."));
        }
        if (!string.IsNullOrWhiteSpace(input.EndDate))
        {
            if ((end = DutchInput.Date(input.EndDate)) is null)
            {
                errors.Add(new(Fields.End, $"‘{input.EndDate}’ is geen datum; gebruik dd-mm-jjjj."));
            }
            else if (start is { } s && end < s)
            {
                errors.Add(new(Fields.End, "De einddatum ligt vóór de startdatum."));
            }
        }
        var cycleText = input.ReviewCycleMonths?.Trim() ?? "";
        var cycle = 3;
        if (cycleText.Length > 0 && (!int.TryParse(cycleText, out cycle) || cycle is < 1 or > 12))
        {
            errors.Add(new(Fields.ReviewCycle, $"De reviewcyclus ‘{cycleText}’ moet een geheel aantal maanden van 1 tot en met 12 zijn (3 = elk kwartaal)."));
        }
        double fte = 0;
        if (!string.IsNullOrWhiteSpace(input.AvailableFte))
        {
            if (DutchInput.Number(input.AvailableFte) is { } f and >= 0 and <= 1000)
            {
                fte = f;
            }
            else
            {
                errors.Add(new(Fields.Fte, $"De beschikbare inzet ‘{input.AvailableFte}’ is geen aantal fte van 0 tot 1.000 (bijvoorbeeld 2,5)."));
            }
        }
        var budget = new List<BudgetLine>();
        foreach (var (yearText, amountText) in input.Budget ?? [])
        {
            if (!int.TryParse(yearText?.Trim(), out var year) || year is < 2000 or > 2100)
            {
                errors.Add(new(Fields.Budget, $"‘{yearText}’ is geen jaartal tussen 2000 en 2100."));
            }
            else if (DutchInput.Money(amountText ?? "") is not { } amount || amount < 0 || amount > ProgrammeActionValidator.MaxBudget)
            {
                errors.Add(new(Fields.Budget, $"Het bedrag voor {year} (‘{amountText}’) is geen bedrag in euro’s van 0 tot 1 miljard."));
            }
            else if (budget.Any(b => b.Year == year))
            {
                errors.Add(new(Fields.Budget, $"{year} staat er meer dan eens in."));
            }
            else
            {
                budget.Add(new BudgetLine(year, amount));
            }
        }
        if (errors.Count > 0)
        {
            return new AssumptionsOutcome.Invalid(errors);
        }
        if (row is null)
        {
            row = new GemeenteProgramme { GemeenteCode = gemeenteCode, Name = name, UpdatedBy = user };
            db.Programmes.Add(row);
        }
        row.Name = name;
        row.Regisseur = regisseur;
        row.RegisseurDepartment = department;
        row.DigestEmail = email;
        row.Background = background;
        row.Goals = goals;
        row.Risks = risks;
        row.StartDate = start!.Value;
        row.EndDate = end;
        row.ReviewCycleMonths = cycle;
        row.AvailableFte = Math.Round(fte, 3);
        row.Budget = [.. budget.OrderBy(b => b.Year)];
        row.Version++;
        row.UpdatedBy = user;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var now = await db.Programmes.AsNoTracking().FirstAsync(p => p.GemeenteCode == gemeenteCode, ct);
            return new AssumptionsOutcome.Conflict(now.UpdatedBy, now.UpdatedAt);
        }
        catch (DbUpdateException) when (version is null)
        {
            return new AssumptionsOutcome.Conflict("?", clock.GetUtcNow());
        }
        return new AssumptionsOutcome.Saved(row.Version);
    }

    private static string? Optional(string? value, string field, string what, int max, List<FieldError> errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length > max)
        {
            errors.Add(new(field, $"{what} is {Format.Number(text.Length)} tekens; het maximum is {Format.Number(max)}."));
        }
        return text.Length == 0 ? null : text;
    }
}
