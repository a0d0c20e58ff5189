using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scenarios;

namespace Weerbaar.Web.Features.Allocation;

/// <summary>A scenario a plan can name: from the national library or the gemeente's own.</summary>
public sealed record PlanScenario(string Code, string Name, int TypicalDurationHours, IReadOnlyList<string> ScarceResources, bool Own);

/// <summary>A noodsteunpunt that can hold stock (it has coordinates).</summary>
public sealed record PlanPoint(Guid Id, string Name, string Status, double Latitude, double Longitude);

/// <summary>What a plan may refer to: the library's resources, the scenarios and the gemeente's located noodsteunpunten.</summary>
public sealed record PlanContext(IReadOnlyList<ScenarioResource> Resources, IReadOnlyList<PlanScenario> Scenarios, IReadOnlyList<PlanPoint> Points)
{
    public ScenarioResource? Resource(string code) => Resources.FirstOrDefault(r => r.Code == code);

    public PlanScenario? Scenario(string? code) => Scenarios.FirstOrDefault(s => s.Code == code);
}

/// <summary>
/// Checks a whole plan and returns every problem keyed by the form field it belongs to (the API uses the same keys);
/// nothing is stored unless there is none. Field keys: scenario, periodes, beleid, minimum, afstand, hulpmiddelen,
/// voorraad-{resource}-{point}, levering-{resource}-{point}, groepen, tier-{group}, behoefte-{group}-{resource}.
/// </summary>
public static class AllocationPlanValidator
{
    public const int MaxResources = 20, MaxStockRows = 2_000, MaxGroups = 20;

    public static (AllocationPlanSettings? Plan, List<FieldError> Errors) Validate(AllocationPlanRequest r, PlanContext context)
    {
        var errors = new List<FieldError>();
        string? scenario = null;
        if (!string.IsNullOrWhiteSpace(r.Scenario))
        {
            if (context.Scenario(r.Scenario.Trim()) is { } s)
            {
                scenario = s.Code;
            }
            else
            {
                errors.Add(new("scenario", $"Scenario ‘{Short(r.Scenario)}’ bestaat niet; kies een scenario uit de lijst of geen."));
            }
        }

        var periods = r.Periods ?? AllocationCatalog.MaxPeriods;
        if (periods is < 1 or > AllocationCatalog.MaxPeriods)
        {
            errors.Add(new("periodes", $"Het aantal periodes van 6 uur moet van 1 tot en met {AllocationCatalog.MaxPeriods} zijn (de eerste 72 uur), niet {periods}."));
            periods = AllocationCatalog.MaxPeriods;
        }
        var policy = r.Policy ?? AllocationCatalog.PolicyCode(Analysis.Allocation.AllocationPolicy.StrictPriority);
        if (AllocationCatalog.Policy(policy) is null)
        {
            errors.Add(new("beleid", $"Verdeling ‘{Short(policy)}’ bestaat niet; kies {string.Join(", ", AllocationCatalog.Policies.Select(p => p.Code))}."));
        }
        var minimum = r.MinimumServiceLevel ?? 0;
        if (!double.IsFinite(minimum) || minimum is < 0 or > 1)
        {
            errors.Add(new("minimum", "Het minimumniveau moet van 0 % tot en met 100 % zijn."));
        }
        var distance = r.MaxDistanceMeters ?? AllocationCatalog.DefaultMaxDistance;
        if (!double.IsFinite(distance) || distance < AllocationCatalog.MinDistance || distance > AllocationCatalog.MaxDistance)
        {
            errors.Add(new("afstand", $"De maximale afstand moet van {AllocationCatalog.MinDistance:0} tot en met {AllocationCatalog.MaxDistance:N0} meter zijn.".Replace(",", ".", StringComparison.Ordinal)));
        }

        var resources = Resources(r.Resources, context, periods, errors);
        var codes = resources.Select(x => x.Code).ToHashSet(StringComparer.Ordinal);
        var groups = Groups(r.Groups, codes, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new AllocationPlanSettings(scenario, periods, policy, minimum, distance, r.CarryOver ?? true, resources, groups), errors);
    }

    private static List<PlanResource> Resources(IReadOnlyList<PlanResourceRequest>? requested, PlanContext context, int periods, List<FieldError> errors)
    {
        var result = new List<PlanResource>();
        if (requested is null || requested.Count == 0)
        {
            errors.Add(new("hulpmiddelen", "Kies ten minste één hulpmiddel (zoals drinkwater of maaltijden)."));
            return result;
        }
        if (requested.Count > MaxResources || requested.Sum(x => x.Stock?.Count ?? 0) > MaxStockRows)
        {
            errors.Add(new("hulpmiddelen", $"Te veel hulpmiddelen of voorraadregels (hoogstens {MaxResources} hulpmiddelen en {MaxStockRows:N0} regels)."));
            return result;
        }
        var points = context.Points.ToDictionary(p => p.Id);
        foreach (var res in requested)
        {
            var code = res.Code?.Trim() ?? "";
            if (context.Resource(code) is null)
            {
                errors.Add(new("hulpmiddelen", $"Hulpmiddel ‘{Short(code)}’ bestaat niet; kies uit {string.Join(", ", context.Resources.Select(x => x.Code))}."));
                continue;
            }
            if (result.Any(x => x.Code == code))
            {
                errors.Add(new("hulpmiddelen", $"Hulpmiddel ‘{code}’ staat er meer dan één keer in."));
                continue;
            }
            var name = context.Resource(code)!.Name.ToLowerInvariant();
            var stock = new List<PlanStock>();
            foreach (var s in res.Stock ?? [])
            {
                if (!Guid.TryParse(s.Point, out var id) || !points.TryGetValue(id, out var point))
                {
                    errors.Add(new($"voorraad-{code}-{Short(s.Point ?? "")}", $"Noodsteunpunt ‘{Short(s.Point ?? "")}’ (bij {name}) is geen noodsteunpunt met coördinaten van deze gemeente."));
                    continue;
                }
                if (stock.Any(x => x.Point == id))
                {
                    errors.Add(new($"voorraad-{code}-{id}", $"De voorraad {name} bij {point.Name} staat er meer dan één keer in."));
                    continue;
                }
                var initial = s.Initial ?? 0;
                if (!Quantity(initial))
                {
                    errors.Add(new($"voorraad-{code}-{id}", $"De voorraad {name} bij {point.Name} moet een getal van 0 tot en met 1 miljard zijn."));
                }
                var deliveries = s.Deliveries ?? [];
                if (deliveries.Count > periods)
                {
                    errors.Add(new($"levering-{code}-{id}", $"Er zijn {deliveries.Count:N0} leveringen van {name} bij {point.Name} opgegeven, maar het plan heeft {periods} periodes.".Replace(",", ".", StringComparison.Ordinal)));
                }
                else if (deliveries.Any(d => !Quantity(d)))
                {
                    errors.Add(new($"levering-{code}-{id}", $"Elke levering van {name} bij {point.Name} moet een getal van 0 tot en met 1 miljard zijn."));
                }
                stock.Add(new PlanStock(id, initial, [.. deliveries]));
            }
            result.Add(new PlanResource(code, stock));
        }
        return result;
    }

    private static List<PlanGroup> Groups(IReadOnlyList<PlanGroupRequest>? requested, HashSet<string> resources, List<FieldError> errors)
    {
        var result = new List<PlanGroup>();
        if (requested is null || requested.Count == 0)
        {
            // Not given: the default groups with their default tiers and needs.
            return [.. AllocationCatalog.Groups.Select(g => DefaultGroup(g, resources))];
        }
        if (requested.Count > MaxGroups)
        {
            errors.Add(new("groepen", $"Te veel groepen: er zijn er {AllocationCatalog.Groups.Count}."));
            return result;
        }
        foreach (var g in requested)
        {
            var code = g.Code?.Trim() ?? "";
            if (AllocationCatalog.Group(code) is not { } definition)
            {
                errors.Add(new("groepen", $"Groep ‘{Short(code)}’ bestaat niet; kies uit {string.Join(", ", AllocationCatalog.Groups.Select(x => x.Code))}."));
                continue;
            }
            if (result.Any(x => x.Code == code))
            {
                errors.Add(new("groepen", $"Groep ‘{code}’ staat er meer dan één keer in."));
                continue;
            }
            var tier = g.Tier ?? definition.DefaultTier;
            if (tier is < 1 or > AllocationCatalog.MaxTier)
            {
                errors.Add(new($"tier-{code}", $"De prioriteit van {definition.Name} moet een geheel getal van 1 (eerst) tot en met {AllocationCatalog.MaxTier} zijn."));
            }
            var need = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (resource, value) in g.Need ?? new Dictionary<string, double>())
            {
                if (!resources.Contains(resource))
                {
                    errors.Add(new($"behoefte-{code}-{Short(resource)}", $"De behoefte van {definition.Name} noemt ‘{Short(resource)}’, maar dat hulpmiddel staat niet in het plan."));
                }
                else if (!double.IsFinite(value) || value is < 0 or > 1_000_000)
                {
                    errors.Add(new($"behoefte-{code}-{resource}", $"De behoefte van {definition.Name} aan {resource} moet een getal van 0 tot en met 1 miljoen per persoon per periode zijn."));
                }
                else
                {
                    need[resource] = value;
                }
            }
            // A resource without a stated need gets the default (0 when there is none).
            foreach (var resource in resources.Where(x => g.Need is null || !g.Need.ContainsKey(x)))
            {
                need[resource] = AllocationCatalog.Need(code, resource)?.PerPersonPerPeriod ?? 0;
            }
            result.Add(new PlanGroup(code, tier, need));
        }
        foreach (var missing in AllocationCatalog.Groups.Where(d => result.All(x => x.Code != d.Code) && requested.All(x => x.Code?.Trim() != d.Code)))
        {
            result.Add(DefaultGroup(missing, resources));
        }
        return result;
    }

    public static PlanGroup DefaultGroup(DemandGroupDefinition g, IEnumerable<string> resources)
        => new(g.Code, g.DefaultTier, resources.ToDictionary(r => r, r => AllocationCatalog.Need(g.Code, r)?.PerPersonPerPeriod ?? 0, StringComparer.Ordinal));

    private static bool Quantity(double value) => double.IsFinite(value) && value is >= 0 and <= AllocationCatalog.MaxQuantity;

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
