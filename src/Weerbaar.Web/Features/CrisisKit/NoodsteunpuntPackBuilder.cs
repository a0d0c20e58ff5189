using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Coverage;
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
        => await SourcesAsync(gemeenteCode, ct) is { } sources ? Build(sources, noodsteunpuntId) : null;

    /// <summary>What all packs of one gemeente are made from, read once (the coverage is computed once for all points).</summary>
    /// <returns>Null when the gemeente does not exist.</returns>
    public async Task<PackSources?> SourcesAsync(string gemeenteCode, CancellationToken ct)
    {
        if (await coverage.ForGemeenteAsync(gemeenteCode, ct) is not { } c)
        {
            return null;
        }
        var code = c.Gemeente.Code;
        var norms = CoverageNormCatalog.Norms(await db.CoverageSettings.AsNoTracking().FirstOrDefaultAsync(s => s.GemeenteCode == code, ct));
        var codes = c.Buurten.Select(b => b.Code).ToList();
        var shapes = await db.BuurtGeometries.AsNoTracking().Where(g => codes.Contains(g.BuurtCode)).ToDictionaryAsync(g => g.BuurtCode, g => g.GeoJson, ct);
        var plan = await plans.LoadAsync(code, ct);
        return new PackSources(c, norms, shapes, WithRegister(code) ? await LocationsAsync(code, c.Points, norms.DetourFactor, ct) : null,
            plan, await RulesAsync(code, plan, ct), await ChecklistAsync(code, ct), await ContactsAsync(code, ct));
    }

    /// <returns>Null when the noodsteunpunt is not one of the gemeente's.</returns>
    public static NoodsteunpuntPackContent? Build(PackSources s, Guid noodsteunpuntId)
    {
        var c = s.Coverage;
        var index = c.Points.ToList().FindIndex(p => p.Id == noodsteunpuntId);
        if (index < 0)
        {
            return null;
        }
        var point = c.Points[index];
        var buurten = c.Buurten.Where(b => b.Coverage.NearestPoint == index)
            .OrderByDescending(b => b.NotSelfReliant).ThenBy(b => b.Name, StringComparer.Ordinal)
            .Select(b => new PackBuurt(b.Code, b.Name, b.Residents, Math.Round(b.NotSelfReliant, 1), b.VulnerabilityClass,
                b.Coverage.DistanceMeters is { } d ? Math.Round(d) : null, b.Coverage.Covered, b.Location?.Latitude, b.Location?.Longitude, s.Shapes.GetValueOrDefault(b.Code)))
            .ToList();
        var norms = s.Norms;
        var catchment = new PackCatchment(norms.NormDistanceMeters, norms.DetourFactor,
            [Math.Round(norms.NormDistanceMeters / norms.DetourFactor / 2), Math.Round(norms.NormDistanceMeters / norms.DetourFactor)], buurten);
        List<PackContact> contacts = point.ContactName is not null || point.ContactPhone is not null || point.ContactEmail is not null
            ? [new PackContact("Noodsteunpunt", point.Name, point.ContactName, point.ContactPhone, point.ContactEmail, null, [], null), .. s.Contacts]
            : [.. s.Contacts];
        return new NoodsteunpuntPackContent(
            new PackGemeente(c.Gemeente.Code, c.Gemeente.Name, c.Gemeente.VeiligheidsregioName),
            Point(point),
            catchment,
            s.Locations is null ? null : [.. s.Locations.Where(l => l.Point == index).Select(l => l.Location)],
            Stock(s.Plan, point.Id),
            contacts,
            s.Rules,
            s.Checklist);
    }

    internal static PackPoint Point(Noodsteunpunt n)
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

    /// <summary>
    /// Every vulnerable location with the index of its nearest noodsteunpunt (the rule the buurten follow; -1 when it or
    /// every point lacks coordinates), fewest hours first.
    /// </summary>
    private async Task<List<(int Point, PackLocation Location)>> LocationsAsync(string code, IReadOnlyList<Noodsteunpunt> points, double detour, CancellationToken ct)
    {
        var located = points.Select((p, i) => (p, i)).Where(x => x.p.Latitude is not null && x.p.Longitude is not null).ToList();
        var result = new List<(int, PackLocation)>();
        foreach (var l in await locations.ListAsync(code, ct))
        {
            var nearest = l.Latitude is { } lat && l.Longitude is { } lon && located.Count > 0
                ? located.Select(x => (x.i, m: GeoDistance.HaversineMeters(lat, lon, x.p.Latitude!.Value, x.p.Longitude!.Value))).MinBy(x => x.m)
                : (i: -1, m: double.NaN);
            result.Add((nearest.i, new PackLocation(l.Name, LocationCategories.Label(l.Category), l.Address, l.People, l.HoursWithoutPower, l.HoursWithoutWater,
                l.HoursWithoutCommunication, l.ContactName, l.ContactPhone, nearest.i < 0 ? null : Math.Round(nearest.m * detour), l.Latitude, l.Longitude)));
        }
        return [.. result.OrderBy(x => x.Item2.HoldsOutHours ?? int.MaxValue).ThenBy(x => x.Item2.Name, StringComparer.Ordinal)];
    }

    private static List<PackStock> Stock(LoadedPlan plan, Guid point)
    {
        return [.. plan.Settings.Resources.SelectMany(r => r.Stock.Where(s => s.Point == point).Select(s =>
        {
            var resource = plan.Context.Resources.FirstOrDefault(x => x.Code == r.Code);
            return new PackStock(resource?.Name ?? r.Code, resource?.Unit ?? "", s.Initial, s.Deliveries);
        }))];
    }

    /// <summary>The gemeente's crisis contact list in its order (each pack puts the noodsteunpunt's own contact first).</summary>
    private async Task<List<PackContact>> ContactsAsync(string code, CancellationToken ct)
    {
        var list = new List<PackContact>();
        foreach (var c in await contacts.ListAsync(code, ct))
        {
            var means = new List<string>();
            void Add(string? value, string label)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    means.Add($"{label} {value}".Trim());
                }
            }
            Add(c.C2000, "C2000:");
            Add(c.Satellite, "satelliet:");
            Add(c.Radio, "radio:");
            Add(c.OtherMeans, "");
            list.Add(new PackContact(CrisisContactCategories.Label(c.Category), c.Organisation, c.Name, c.Phone, c.Email, c.Available, means, c.Notes));
        }
        return list;
    }

    private async Task<PackAllocationRules?> RulesAsync(string code, LoadedPlan plan, CancellationToken ct)
    {
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

/// <summary>What all noodsteunpunt packs of one gemeente are made from (see <see cref="NoodsteunpuntPackBuilder.SourcesAsync"/>).</summary>
/// <param name="Locations">Each vulnerable location with its nearest point's index (-1: none); null without the register.</param>
public sealed record PackSources(
    GemeenteCoverage Coverage, CoverageNorms Norms, IReadOnlyDictionary<string, string> Shapes, IReadOnlyList<(int Point, PackLocation Location)>? Locations,
    LoadedPlan Plan, PackAllocationRules? Rules, IReadOnlyList<PackChecklistItem> Checklist, IReadOnlyList<PackContact> Contacts);
