namespace Weerbaar.Analysis.Allocation;

/// <summary>Checks the input before anything is built; the first problem found comes back as a Dutch sentence.</summary>
internal static class AllocationValidation
{
    public static string? Check(AllocationInput input, AllocationOptions options)
    {
        if (options.Periods < 1)
        {
            return "Er moet ten minste één periode zijn.";
        }
        if (!(options.MinimumServiceLevel is >= 0 and <= 1))
        {
            return "Het minimumniveau moet tussen 0 en 1 (0 % en 100 %) liggen.";
        }
        if (!double.IsFinite(options.MaxDistanceMeters) || options.MaxDistanceMeters <= 0)
        {
            return "De maximale afstand tot een uitdeelpunt moet een positief aantal meters zijn.";
        }
        if (options.EffectiveTimeLimit <= TimeSpan.Zero)
        {
            return "De tijdslimiet moet groter dan nul zijn.";
        }
        if (input.Resources.Count == 0)
        {
            return "Er zijn geen hulpmiddelen (zoals drinkwater of maaltijden) opgegeven.";
        }
        if (input.Demand.Count == 0)
        {
            return "Er zijn geen groepen per buurt opgegeven.";
        }
        if (Duplicate(input.Resources.Select(r => r.Id)) is { } r)
        {
            return $"Hulpmiddel {r} staat er meer dan één keer in.";
        }
        if (Duplicate(input.Points.Select(p => p.Id)) is { } p)
        {
            return $"Uitdeelpunt {p} staat er meer dan één keer in.";
        }
        if (Duplicate(input.Groups.Select(g => g.Id)) is { } g)
        {
            return $"Groep {g} staat er meer dan één keer in.";
        }
        return CheckPoints(input) ?? CheckGroups(input) ?? CheckDemand(input) ?? CheckStock(input);
    }

    private static string? CheckPoints(AllocationInput input)
        => input.Points.FirstOrDefault(p => !ValidCoordinates(p.Latitude, p.Longitude)) is { } bad
            ? $"Uitdeelpunt {bad.Id} heeft geen geldige coördinaten."
            : null;

    private static string? CheckGroups(AllocationInput input)
    {
        var resources = input.Resources.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var g in input.Groups)
        {
            if (g.Tier < 1)
            {
                return $"De prioriteit (tier) van groep {g.Name} moet 1 of hoger zijn (1 = eerst).";
            }
            foreach (var (resource, need) in g.NeedPerPersonPerPeriod)
            {
                if (!resources.Contains(resource))
                {
                    return $"Groep {g.Name} heeft een behoefte aan {resource}, maar dat hulpmiddel is niet opgegeven.";
                }
                if (!double.IsFinite(need) || need < 0)
                {
                    return $"De behoefte van groep {g.Name} aan {resource} moet 0 of meer zijn.";
                }
            }
        }
        return null;
    }

    private static string? CheckDemand(AllocationInput input)
    {
        var groups = input.Groups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var d in input.Demand)
        {
            if (!ValidCoordinates(d.Latitude, d.Longitude))
            {
                return $"Buurt {d.BuurtId} heeft geen geldige coördinaten.";
            }
            if (!groups.Contains(d.GroupId))
            {
                return $"Buurt {d.BuurtId} noemt groep {d.GroupId}, maar die groep is niet opgegeven.";
            }
            if (!double.IsFinite(d.People) || d.People < 0)
            {
                return $"Buurt {d.BuurtId} heeft een ongeldig aantal mensen in groep {d.GroupId}; dat moet 0 of meer zijn.";
            }
            if (!seen.Add((d.BuurtId, d.GroupId)))
            {
                return $"Groep {d.GroupId} staat in buurt {d.BuurtId} meer dan één keer.";
            }
        }
        return null;
    }

    private static string? CheckStock(AllocationInput input)
    {
        var points = input.Points.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var resources = input.Resources.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var s in input.Stock)
        {
            if (!points.Contains(s.PointId))
            {
                return $"Er is voorraad bij uitdeelpunt {s.PointId}, maar dat punt is niet opgegeven.";
            }
            if (!resources.Contains(s.ResourceId))
            {
                return $"Er is voorraad van {s.ResourceId}, maar dat hulpmiddel is niet opgegeven.";
            }
            if (!double.IsFinite(s.Initial) || s.Initial < 0 || s.Deliveries.Any(x => !double.IsFinite(x) || x < 0))
            {
                return $"De voorraad of levering van {s.ResourceId} bij uitdeelpunt {s.PointId} moet 0 of meer zijn.";
            }
        }
        return null;
    }

    private static string? Duplicate(IEnumerable<string> ids)
        => ids.GroupBy(x => x, StringComparer.Ordinal).FirstOrDefault(x => x.Count() > 1)?.Key;

    private static bool ValidCoordinates(double latitude, double longitude)
        => latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;
}
