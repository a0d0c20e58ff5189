using Weerbaar.Analysis.Risk;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>Scores of the risk method as Dutch text: a range as "min–max", the end class (range), the preparedness judgement.</summary>
public static class RiskText
{
    public static string Number(double value) => value switch
    {
        >= 100 => Format.Number(value, 0),
        >= 10 => Format.Number(value, 1),
        _ => Format.Number(value, 2),
    };

    public static string Range(ScoreRange r) => r.IsExact ? Number(r.Mean) : $"{Number(r.Min)}–{Number(r.Max)} (gemiddeld {Number(r.Mean)})";

    public static string Position(double min, double mean, double max) =>
        min == max ? Format.Number(mean, 2) : $"{Format.Number(min, 2)}–{Format.Number(max, 2)} (midden {Format.Number(mean, 2)})";

    public static string EndClass(ScenarioRisk r) =>
        ReferenceEquals(r.EndClassLow, r.EndClassHigh) ? r.EndClass.Label : $"{r.EndClassLow.Label} – {r.EndClassHigh.Label}";

    public static string Preparedness(int? value) =>
        value is { } v and >= 1 and <= 5 ? $"{v} ({RiskAssessmentStore.PreparednessLabels[v - 1]})" : "niet opgegeven";
}
