using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Geo;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Afweging;
using Weerbaar.Web.Features.Allocation;
using Weerbaar.Web.Features.Coverage;
using Weerbaar.Web.Features.CrisisKit.Contacts;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.CrisisKit;

/// <summary>
/// Gathers a noodsteunpunt pack from what the other features know, through their own services: the coverage analysis
/// (catchment = the buurten whose nearest noodsteunpunt this is), the 72-hour estimate in it, the register of vulnerable
/// locations (only for a reader who may edit the gemeente's register), the crisis contact list, the allocation plan and
/// the newest decision, and the programme's actions for the first 72 hours.
/// </summary>
public sealed class NoodsteunpuntPackBuilder(
    AppDbContext db, NoodsteunpuntCoverage coverage, VulnerableLocationRegister locations, AllocationPlanStore plans,
    DecisionRecordQueries decisions, ProgrammeReader programme, CrisisContactStore contacts, TenantScopeAccessor scopes)
{
    public const string FirstHoursPhase = "eerste-72-uur";

    /// <summary>Whether the current reader gets packs with the register of vulnerable locations.</summary>
    public bool WithRegister(string gemeenteCode) => scopes.Current.CanEditLocal(gemeenteCode.ToUpperInvariant());

    /// <returns>Null when the gemeente or the noodsteunpunt does not exist (or is not the reader's).</returns>
    public async Task<NoodsteunpuntPackContent?> BuildAsync(string gemeenteCode, Guid noodsteunpuntId, CancellationToken ct)
    {
        if (await coverage.ForGemeenteAsync(gemeenteCode, ct) is not { } c)
        {
            return null;
        }
        var index = c.Points.ToList().FindIndex(p => p.Id == noodsteunpuntId);
        if (index < 0)
        {
            return null;
        }
        var point = c.Points[index];
        var code = c.Gemeente.Code;
        var norms = CoverageNormCatalog.Norms(await db.CoverageSettings.AsNoTracking().FirstOrDefaultAsync(s => s.GemeenteCode == code, ct));

        var served = c.Buurten.Where(b => b.Coverage.NearestPoint == index).ToList();
        var codes = served.Select(b => b.Code).ToList();
        var shapes = await db.BuurtGeometries.AsNoTracking().Where(g => codes.Contains(g.BuurtCode)).ToDictionaryAsync(g => g.BuurtCode, g => g.GeoJson, ct);
        var buurten = served
            .OrderByDescending(b => b.NotSelfReliant).ThenBy(b => b.Name, StringComparer.Ordinal)
            .Select(b => new PackBuurt(b.Code, b.Name, b.Residents, Math.Round(b.NotSelfReliant, 1), b.VulnerabilityClass,
                b.Coverage.DistanceMeters is { } d ? Math.Round(d) : null, b.Coverage.Covered, b.Location?.Latitude, b.Location?.Longitude, shapes.GetValueOrDefault(b.Code)))
            .ToList();
        var catchment = new PackCatchment(norms.NormDistanceMeters, norms.DetourFactor,
            [Math.Round(norms.NormDistanceMeters / norms.DetourFactor / 2), Math.Round(norms.NormDistanceMeters / norms.DetourFactor)], buurten);

        return new NoodsteunpuntPackContent(
            new PackGemeente(code, c.Gemeente.Name, c.Gemeente.VeiligheidsregioName),
            Point(point),
            catchment,
            WithRegister(code) ? await LocationsAsync(code, c.Points, index, norms.DetourFactor, ct) : null,
            await StockAsync(code, point.Id, ct),
            await ContactsAsync(code, point, ct),
            await RulesAsync(code, ct),
            await ChecklistAsync(code, ct));
    }

    private static PackPoint Point(Noodsteunpunt n)
    {
        var facilities = new List<string>();
        void Add(bool has, string text)
        {
            if (has)
            {
                facilities.Add(text);
            }
        }
        Add(n.HasBackupPower, n.BackupPowerHours is { } h ? $"noodstroom ({h} uur)" : "noodstroom");
        Add(n.HasDrinkingWater, "drinkwater");
        Add(n.HasHeating, "verwarming");
        Add(n.HasFirstAid, "EHBO");
        Add(n.HasToilets, "toiletten");
        Add(n.IsWheelchairAccessible, "rolstoeltoegankelijk");
        Add(n.HasCharging, "telefoons opladen");
        var means = new List<string>();
        if (n.HasC2000)
        {
            means.Add("C2000");
        }
        if (n.HasSatellite)
        {
            means.Add("satelliettelefoon");
        }
        if (n.HasRadio)
        {
            means.Add("noodradio / portofoon");
        }
        if (n.HasMobile)
        {
            means.Add("mobiele telefoon");
        }
        return new PackPoint(n.Id, n.Name, NoodsteunpuntStatus.Label(n.Status), n.BuildingType is { } t ? BuildingTypes.Label(t) : null,
            n.Address, n.Postcode, n.Latitude, n.Longitude, n.Capacity, n.OpeningArrangement, facilities, n.BackupPowerHours, n.HasBackupPower,
            means, n.Staff, n.Volunteers, n.ShiftsPerDay, n.Partners, n.ContactName, n.ContactPhone, n.ContactEmail, n.Notes);
    }

    /// <summary>The locations nearest to this noodsteunpunt (same rule as the buurten), fewest hours first.</summary>
    private async Task<List<PackLocation>> LocationsAsync(string code, IReadOnlyList<Noodsteunpunt> points, int index, double detour, CancellationToken ct)
    {
        var located = points.Select((p, i) => (p, i)).Where(x => x.p.Latitude is not null && x.p.Longitude is not null).ToList();
        var result = new List<PackLocation>();
        foreach (var l in await locations.ListAsync(code, ct))
        {
            if (l.Latitude is not { } lat || l.Longitude is not { } lon || located.Count == 0)
            {
                continue;
            }
            var nearest = located.Select(x => (x.i, m: GeoDistance.HaversineMeters(lat, lon, x.p.Latitude!.Value, x.p.Longitude!.Value))).MinBy(x => x.m);
            if (nearest.i == index)
            {
                result.Add(new PackLocation(l.Name, LocationCategories.Label(l.Category), l.Address, l.People, l.HoursWithoutPower, l.HoursWithoutWater,
                    l.HoursWithoutCommunication, l.ContactName, l.ContactPhone, Math.Round(nearest.m * detour), lat, lon));
            }
        }
        return [.. result.OrderBy(l => l.HoldsOutHours ?? int.MaxValue).ThenBy(l => l.Name, StringComparer.Ordinal)];
    }

    private async Task<List<PackStock>> StockAsync(string code, Guid point, CancellationToken ct)
    {
        var plan = await plans.LoadAsync(code, ct);
        return [.. plan.Settings.Resources.SelectMany(r => r.Stock.Where(s => s.Point == point).Select(s =>
        {
            var resource = plan.Context.Resources.FirstOrDefault(x => x.Code == r.Code);
            return new PackStock(resource?.Name ?? r.Code, resource?.Unit ?? "", s.Initial, s.Deliveries);
        }))];
    }

    /// <summary>The noodsteunpunt's own contact first, then the gemeente's crisis contact list in its order.</summary>
    private async Task<List<PackContact>> ContactsAsync(string code, Noodsteunpunt n, CancellationToken ct)
    {
        var list = new List<PackContact>();
        if (n.ContactName is not null || n.ContactPhone is not null || n.ContactEmail is not null)
        {
            list.Add(new PackContact("Noodsteunpunt", n.Name, n.ContactName, n.ContactPhone, n.ContactEmail, null, [], null));
        }
        foreach (var c in await contacts.ListAsync(code, ct))
        {
            var means = new List<string>();
            void Add(string? value, string label)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    means.Add($"{label} {value}");
                }
            }
            Add(c.C2000, "C2000:");
            Add(c.Satellite, "satelliet:");
            Add(c.Radio, "radio:");
            Add(c.OtherMeans, "");
            list.Add(new PackContact(CrisisContactCategories.Label(c.Category), c.Organisation, c.Name, c.Phone, c.Email, c.Available,
                [.. means.Select(m => m.Trim())], c.Notes));
        }
        return list;
    }

    private async Task<PackAllocationRules?> RulesAsync(string code, CancellationToken ct)
    {
        var plan = await plans.LoadAsync(code, ct);
        if (plan.Version == 0)
        {
            return null;
        }
        var s = plan.Settings;
        var policy = AllocationCatalog.Policies.FirstOrDefault(p => p.Code == s.Policy);
        var groups = s.Groups.OrderBy(g => g.Tier).ThenBy(g => AllocationCatalog.Group(g.Code)?.Name ?? g.Code, StringComparer.Ordinal)
            .Select(g => AllocationCatalog.Group(g.Code) is { } d ? new PackTier(g.Tier, d.Name, d.Description) : new PackTier(g.Tier, g.Code, "")).ToList();
        var newest = (await decisions.HistoryAsync(code, ct)).FirstOrDefault(d => d.CorrectedByNumber is null)?.Record;
        return new PackAllocationRules(policy.Label ?? s.Policy, policy.Description ?? "", s.MinimumServiceLevel, s.MaxDistanceMeters, groups,
            newest is null ? null : new PackDecision(newest.Number, newest.Title, newest.ScenarioName, newest.DecisionDate, newest.ApprovedBy, newest.Rationale));
    }

    private async Task<List<PackChecklistItem>> ChecklistAsync(string code, CancellationToken ct)
        => [.. (await programme.LoadAsync(code, ct)).Actions.Where(a => a.Phase == FirstHoursPhase && a.Status != ActionStatus.Stopped)
            .OrderBy(a => a.Number)
            .Select(a => new PackChecklistItem($"A-{a.Number}", a.Title, a.Description, a.OwnerPerson is { } p ? $"{a.OwnerDepartment} ({p})" : a.OwnerDepartment,
                ActionStatus.Label(a.Status)))];
}
