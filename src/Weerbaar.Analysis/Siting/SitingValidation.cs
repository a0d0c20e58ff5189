namespace Weerbaar.Analysis.Siting;

/// <summary>Checks the input before anything is built; the first problem found comes back as a Dutch sentence.</summary>
internal static class SitingValidation
{
    /// <summary>
    /// The p-median keeps every buurt–site pair (a model row per distinct distance); beyond this many pairs the model no
    /// longer fits a web request's memory and time (the bench gemeente has 180,000 pairs and takes about a second).
    /// </summary>
    public const long MaxPMedianPairs = 5_000_000;

    public static string? Check(IReadOnlyList<SitingDemand> demand, IReadOnlyList<SitingSite> sites, SitingOptions options)
    {
        if (demand.Count == 0)
        {
            return "Er zijn geen buurten (vraagpunten) opgegeven.";
        }
        if (sites.Count == 0)
        {
            return "Er zijn geen locaties opgegeven.";
        }
        foreach (var d in demand)
        {
            if (!ValidCoordinates(d.Latitude, d.Longitude))
            {
                return $"Buurt {d.Id} heeft geen geldige coördinaten.";
            }
            if (!double.IsFinite(d.Weight) || d.Weight < 0)
            {
                return $"Buurt {d.Id} heeft een ongeldig aantal inwoners; dat moet 0 of meer zijn.";
            }
            if (!double.IsFinite(d.Priority) || d.Priority < 1)
            {
                return $"De prioriteit van buurt {d.Id} moet 1 of hoger zijn (1 = geen extra gewicht).";
            }
        }
        foreach (var s in sites)
        {
            if (!ValidCoordinates(s.Latitude, s.Longitude))
            {
                return $"Locatie {s.Id} heeft geen geldige coördinaten.";
            }
            if (s.Capacity is { } c && (double.IsNaN(c) || c < 0))
            {
                return $"Locatie {s.Id} heeft een ongeldige capaciteit; die moet 0 of meer zijn (of leeg voor onbeperkt).";
            }
        }
        if (options.Objective == SitingObjective.PMedian && (long)demand.Count * sites.Count > MaxPMedianPairs)
        {
            return $"Te groot voor de gemiddelde-afstandberekening: {SitingMessages.Count(demand.Count)} buurten × {SitingMessages.Count(sites.Count)} locaties; "
                + "kies een kleiner gebied of minder kandidaatlocaties (hoogstens 5 miljoen combinaties).";
        }
        return CheckOptions(options, sites.Count(s => !s.Fixed));
    }

    public static string? CheckOptions(SitingOptions options, int candidates)
    {
        if (options.Objective != SitingObjective.SetCovering)
        {
            if (options.NewSites < 0)
            {
                return "Het aantal nieuwe punten kan niet negatief zijn.";
            }
            if (options.NewSites > candidates)
            {
                return $"Er zijn {candidates} kandidaatlocaties; {options.NewSites} nieuwe punten kiezen kan dus niet.";
            }
        }
        if (!double.IsFinite(options.NormDistanceMeters) || options.NormDistanceMeters <= 0)
        {
            return "De normafstand moet een positief aantal meters zijn.";
        }
        if (!double.IsFinite(options.DetourFactor) || options.DetourFactor < 1)
        {
            return "De omrijfactor moet 1 of hoger zijn.";
        }
        if (options.Objective == SitingObjective.SetCovering && !(options.TargetShare is >= 0 and <= 1))
        {
            return "Het te bereiken aandeel inwoners moet tussen 0 en 1 (0 % en 100 %) liggen.";
        }
        if (!double.IsFinite(options.RelativeGap) || options.RelativeGap < 0)
        {
            return "De toegestane afstand tot het optimum (gap) moet 0 of meer zijn.";
        }
        if (options.EffectiveTimeLimit <= TimeSpan.Zero)
        {
            return "De tijdslimiet moet groter dan nul zijn.";
        }
        return null;
    }

    private static bool ValidCoordinates(double latitude, double longitude)
        => latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;
}
