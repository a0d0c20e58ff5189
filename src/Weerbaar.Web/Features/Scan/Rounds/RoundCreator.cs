using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;

namespace Weerbaar.Web.Features.Scan.Rounds;

/// <summary>Checks and stores a new round (status concept), for the API and the "Nieuwe ronde" page alike.</summary>
public sealed class RoundCreator(AppDbContext db, InstrumentCatalog instruments, ReferenceData reference, TimeProvider clock)
{
    public const int MaxName = 200;

    public async Task<(ScanRound? Round, List<(string Field, string Message)> Errors)> CreateAsync(CreateRoundRequest request, string createdBy, CancellationToken ct)
    {
        var errors = new List<(string Field, string Message)>();
        var instrument = instruments.Find(request.Instrument);
        if (instrument is null)
        {
            errors.Add(("instrument", $"Onbekende vragenlijst '{request.Instrument}'; kies uit {string.Join(", ", instruments.All.Select(i => i.Id))}."));
        }
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxName || name.Any(char.IsControl))
        {
            errors.Add(("name", $"Geef de ronde een naam van één regel en hoogstens {MaxName} tekens."));
        }
        if (request.OpensOn is null || request.ClosesOn is null)
        {
            errors.Add(("opensOn", "Geef een openings- en sluitingsdatum (JJJJ-MM-DD)."));
        }
        else if (request.ClosesOn < request.OpensOn)
        {
            errors.Add(("closesOn", "De sluitingsdatum ligt vóór de openingsdatum."));
        }
        var regios = (request.PopulationRegios ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        var provincies = (request.PopulationProvincies ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        errors.AddRange(regios.Where(r => reference.VeiligheidsregioName(r) is null).Select(r => ("populationRegios", $"Onbekende veiligheidsregio '{r}'.")));
        errors.AddRange(provincies.Where(p => reference.ProvincieName(p) is null).Select(p => ("populationProvincies", $"Onbekende provincie '{p}'.")));
        var reminderDays = (request.ReminderDays ?? [14, 3]).Distinct().OrderDescending().ToList();
        if (reminderDays.Any(d => d is < 0 or > 365) || reminderDays.Count > 10)
        {
            errors.Add(("reminderDays", "Herinneringen gaan 0 tot 365 dagen vóór de sluitingsdatum, hoogstens tien keer."));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var round = new ScanRound
        {
            Name = name,
            InstrumentId = instrument!.Id,
            InstrumentHash = instruments.Hash(instrument.Id),
            OpensOn = request.OpensOn!.Value,
            ClosesOn = request.ClosesOn!.Value,
            Status = RoundStatus.Concept,
            AllowChangesAfterSubmit = request.AllowChangesAfterSubmit ?? true,
            PopulationRegios = regios,
            PopulationProvincies = provincies,
            ReminderDays = reminderDays,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = createdBy,
        };
        db.ScanRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return (round, errors);
    }
}
