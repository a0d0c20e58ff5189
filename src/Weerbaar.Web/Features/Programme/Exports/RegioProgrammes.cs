using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Shared;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Programme.Exports;

/// <summary>Reads the programmes of a veiligheidsregio's gemeenten (tenant filters apply as well).</summary>
public sealed class RegioProgrammes(AppDbContext db, ReferenceData reference, MeasuresCatalogue catalogue, TimeProvider clock)
{
    /// <summary>The roles that may open a regio's overview; a regio user only its own regio (<see cref="MayRead"/>).</summary>
    public const string AllowedRoles = Roles.Beheerder + "," + Roles.Onderzoeker + "," + Roles.Regio;

    /// <summary>National roles read every regio; a regio user only the regio on its account.</summary>
    public static bool MayRead(ClaimsPrincipal user, string regio) =>
        user.IsInRole(Roles.Beheerder) || user.IsInRole(Roles.Onderzoeker)
        || (user.IsInRole(Roles.Regio) && string.Equals(user.FindFirstValue(WeerbaarClaims.Veiligheidsregio), regio, StringComparison.OrdinalIgnoreCase));

    /// <summary>The regio on a regio user's account; null for other users.</summary>
    public static string? OwnRegio(ClaimsPrincipal user) => user.IsInRole(Roles.Regio) ? user.FindFirstValue(WeerbaarClaims.Veiligheidsregio) : null;

    /// <summary>Null when there is no veiligheidsregio with this code.</summary>
    public async Task<RegioProgrammeOverview?> LoadAsync(string regioCode, CancellationToken ct)
    {
        var regio = reference.Veiligheidsregios.FirstOrDefault(r => string.Equals(r.Code, regioCode, StringComparison.OrdinalIgnoreCase));
        if (regio is null)
        {
            return null;
        }
        var gemeenten = reference.Gemeenten.Where(g => g.VeiligheidsregioCode == regio.Code).OrderBy(g => g.Name, StringComparer.Create(Format.Dutch, true)).ToList();
        var codes = gemeenten.Select(g => g.Code).ToList();
        var programmes = await db.Programmes.AsNoTracking().Where(p => codes.Contains(p.GemeenteCode)).ToDictionaryAsync(p => p.GemeenteCode, ct);
        var actions = (await db.ProgrammeActions.AsNoTracking().Where(a => codes.Contains(a.GemeenteCode)).ToListAsync(ct)).ToLookup(a => a.GemeenteCode);
        var agreements = (await db.PartnerAgreements.AsNoTracking().Where(a => codes.Contains(a.GemeenteCode)).ToListAsync(ct)).ToLookup(a => a.GemeenteCode);
        var lastReviews = (await db.ProgrammeReviews.AsNoTracking().Where(r => codes.Contains(r.GemeenteCode))
            .Select(r => new { r.GemeenteCode, r.HeldOn }).ToListAsync(ct))
            .GroupBy(r => r.GemeenteCode).ToDictionary(g => g.Key, g => g.Max(r => r.HeldOn));
        var today = Format.Today(clock);

        var rows = gemeenten.Select(g =>
        {
            var p = programmes.GetValueOrDefault(g.Code);
            var own = actions[g.Code].ToList();
            DateOnly? next = p is null ? null : (lastReviews.TryGetValue(g.Code, out var last) ? last : p.StartDate).AddMonths(Math.Max(1, p.ReviewCycleMonths));
            return new RegioGemeenteProgramme(g.Code, g.Name, p is not null, p?.Name ?? ProgrammeReader.DefaultName, p?.Regisseur,
                own.Count, own.Count(a => a.Status == ActionStatus.Done), own.Count(a => a.Deadline < today && !ActionStatus.IsClosed(a.Status)),
                own.Sum(a => a.OneOffBudget), own.Sum(a => a.StructuralBudgetPerYear), p?.Budget.Sum(b => b.Amount) ?? 0, next);
        }).ToList();

        var pillarCodes = catalogue.Pillars.Select(p => p.Code)
            .Concat(codes.SelectMany(c => actions[c]).Select(a => a.Pillar).Distinct().Where(c => catalogue.Pillars.All(p => p.Code != c)).Order(StringComparer.Ordinal));
        var pillars = pillarCodes.Select(code => new RegioPillarRow(code, catalogue.Pillars.FirstOrDefault(p => p.Code == code)?.Name ?? code,
            [.. gemeenten.Select(g => new RegioCount(g.Code, actions[g.Code].Count(a => a.Pillar == code)))])).ToList();

        return new RegioProgrammeOverview(regio.Code, regio.Name, today, rows, pillars, Partners(gemeenten, actions, agreements));
    }

    private List<RegioPartnerRow> Partners(List<GemeenteInfo> gemeenten, ILookup<string, ProgrammeAction> actions, ILookup<string, PartnerAgreement> agreements)
    {
        // A catalogue partner by its code; an own name case- and space-insensitively, shown as first written.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Key(string partner)
        {
            var trimmed = partner.Trim();
            if (catalogue.Partners.FirstOrDefault(p => p.Code == trimmed || string.Equals(p.Name, trimmed, StringComparison.OrdinalIgnoreCase)) is { } known)
            {
                names.TryAdd(known.Code, known.Name);
                return known.Code;
            }
            var key = "eigen:" + string.Join(' ', trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
            names.TryAdd(key, trimmed);
            return key;
        }
        var actionCounts = gemeenten.SelectMany(g => actions[g.Code].SelectMany(a => a.Partners.Select(Key).Distinct().Select(k => (g.Code, Key: k))))
            .GroupBy(x => x).ToDictionary(x => x.Key, x => x.Count());
        var agreementsBy = gemeenten.SelectMany(g => agreements[g.Code].Select(a => (g.Code, Key: Key(a.Partner), a.ReviewDate)))
            .GroupBy(x => (x.Code, x.Key)).ToDictionary(x => x.Key, x => (Count: x.Count(), Next: x.Min(a => a.ReviewDate)));
        return names.Keys.Select(key =>
        {
            var cells = gemeenten.Select(g =>
            {
                var agreed = agreementsBy.TryGetValue((g.Code, key), out var a) ? a : (Count: 0, Next: (DateOnly?)null);
                return new RegioPartnerCell(g.Code, actionCounts.GetValueOrDefault((g.Code, key)), agreed.Count, agreed.Next);
            }).ToList();
            return new RegioPartnerRow(key.StartsWith("eigen:", StringComparison.Ordinal) ? names[key] : key, names[key], cells.Count(c => !c.IsEmpty), cells);
        })
        .OrderByDescending(r => r.Gemeenten).ThenBy(r => r.Name, StringComparer.Create(Format.Dutch, true)).ToList();
    }
}
