using System.Globalization;
using Weerbaar.Analysis.Siting;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Siting;

/// <summary>A siting model as the user chooses it: code (form and API), Dutch name and what it does.</summary>
public sealed record SitingModel(string Code, SitingObjective Objective, string Label, string Explanation);

public static class SitingModels
{
    public const string MaximalCovering = "maximale-dekking", PMedian = "p-mediaan", SetCovering = "minimale-set";

    public static readonly IReadOnlyList<SitingModel> All =
    [
        new(MaximalCovering, SitingObjective.MaximalCovering, "Maximale dekking",
            "Kies hoogstens k nieuwe locaties zodat zo veel mogelijk inwoners binnen de normafstand van een noodsteunpunt wonen."),
        new(PMedian, SitingObjective.PMedian, "Kortste afstand (p-mediaan)",
            "Kies hoogstens k nieuwe locaties zodat de gemiddelde afstand van inwoners tot hun dichtstbijzijnde noodsteunpunt zo klein mogelijk is."),
        new(SetCovering, SitingObjective.SetCovering, "Zo min mogelijk punten",
            "Kies zo weinig mogelijk nieuwe locaties zodat ten minste het doelpercentage van de inwoners binnen de normafstand woont."),
    ];

    public static SitingModel? Find(string? code) => All.FirstOrDefault(m => string.Equals(m.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>Where the candidate sites come from: the gemeente's own list, or every buurt point of the gemeente.</summary>
public static class SitingCandidateSources
{
    public const string Own = "eigen", BuurtPoints = "buurtpunten";
}

/// <summary>What the user asks for (page form and API body, checked by <see cref="Validate"/>).</summary>
/// <param name="TargetPercent">Minimale set: the share of residents to reach, in percent.</param>
/// <param name="WeightByVulnerability">Residents who are not 72 hours self-reliant (the foto's estimate) count twice.</param>
/// <param name="UseCapacity">Each site serves at most its capacity (candidates: their own, otherwise the norm of residents per noodsteunpunt).</param>
public sealed record SitingRunRequest(
    string? Model, int? NewSites = null, double? TargetPercent = null, bool WeightByVulnerability = false, bool UseCapacity = false,
    int? TimeLimitSeconds = null, string? Candidates = null)
{
    public const int MaxNewSites = 10_000, MaxTimeLimitSeconds = 300, DefaultTimeLimitSeconds = 30;

    public static readonly IReadOnlyDictionary<string, string> JsonNames = new Dictionary<string, string>
    {
        ["model"] = "model",
        ["kwetsbaar"] = "weightByVulnerability",
        ["aantal"] = "newSites",
        ["doel"] = "targetPercent",
        ["tijdslimiet"] = "timeLimitSeconds",
        ["kandidaten"] = "candidates",
    };

    /// <summary>The request as the run form posts it (Dutch field names; a decimal comma is accepted).</summary>
    public static SitingRunRequest FromForm(IFormCollection form)
    {
        int? Whole(string key) => int.TryParse(form[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
        double? Decimal(string key) => double.TryParse(form[key].ToString().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
        return new SitingRunRequest(form["model"], Whole("aantal"), Decimal("doel"), form["kwetsbaar"] == "ja", form["capaciteit"] == "ja",
            Whole("tijdslimiet") ?? 0, form["kandidaten"]);
    }

    public SitingModel? SitingModel => SitingModels.Find(Model);
    public string CandidateSource => string.IsNullOrWhiteSpace(Candidates) ? SitingCandidateSources.Own : Candidates.Trim().ToLowerInvariant();
    public int TimeLimit => TimeLimitSeconds ?? DefaultTimeLimitSeconds;

    /// <summary>Every problem with the request, by form field (Dutch).</summary>
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        var model = SitingModel;
        if (model is null)
        {
            errors.Add(new("model", $"Kies een model: {string.Join(", ", SitingModels.All.Select(m => m.Code))}."));
        }
        if (model is not null && model.Objective != SitingObjective.SetCovering && NewSites is not (>= 1 and <= MaxNewSites))
        {
            errors.Add(new("aantal", $"Vul het aantal nieuwe noodsteunpunten in: een heel getal van 1 tot en met {MaxNewSites}."));
        }
        if (model?.Objective == SitingObjective.SetCovering && TargetPercent is not (> 0 and <= 100))
        {
            errors.Add(new("doel", "Vul het doel in: het percentage inwoners binnen de normafstand, groter dan 0 en hoogstens 100."));
        }
        if (TimeLimit is < 1 or > MaxTimeLimitSeconds)
        {
            errors.Add(new("tijdslimiet", $"De tijdslimiet is 1 tot en met {MaxTimeLimitSeconds} seconden."));
        }
        if (CandidateSource is not (SitingCandidateSources.Own or SitingCandidateSources.BuurtPoints))
        {
            errors.Add(new("kandidaten", $"Kies de kandidaatlocaties: {SitingCandidateSources.Own} (de eigen lijst) of {SitingCandidateSources.BuurtPoints} (elk buurtpunt)."));
        }
        return errors;
    }

    public string Describe()
    {
        var model = SitingModel!;
        var what = model.Objective == SitingObjective.SetCovering
            ? $"{model.Label}, doel {TargetPercent!.Value.ToString("0.#", CultureInfo.GetCultureInfo("nl-NL"))} % van de inwoners"
            : $"{model.Label}, hoogstens {NewSites} nieuwe";
        return what + (WeightByVulnerability ? ", kwetsbare inwoners tellen dubbel" : "") + (UseCapacity ? ", met capaciteit" : "")
            + (CandidateSource == SitingCandidateSources.BuurtPoints ? ", kandidaten: buurtpunten" : ", kandidaten: eigen lijst");
    }
}
