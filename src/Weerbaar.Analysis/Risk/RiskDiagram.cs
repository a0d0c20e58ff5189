namespace Weerbaar.Analysis.Risk;

/// <summary>A tick on an axis of the risk diagram.</summary>
public sealed record AxisTick(double Position, string Class, string Label);

/// <summary>
/// One scenario in the risk diagram: x = likelihood on the class axis (A = 1 … E = 5), y = impact end score on the
/// class axis (X = 0 … E = 5). XMin/XMax and YMin/YMax are the error bars of a range; equal to X and Y otherwise.
/// </summary>
public sealed record RiskDiagramPoint(
    string ScenarioId,
    double X,
    double XMin,
    double XMax,
    double Y,
    double YMin,
    double YMax,
    string LikelihoodLabel,
    string ImpactLabel,
    double RiskScore);

/// <summary>The data of a risk diagram: axes and points, ready for any renderer.</summary>
public sealed record RiskDiagramData(
    string MethodVersion,
    string Period,
    IReadOnlyList<AxisTick> XAxis,
    IReadOnlyList<AxisTick> YAxis,
    IReadOnlyList<RiskDiagramPoint> Points);

public static class RiskDiagram
{
    public static RiskDiagramData Build(RiskMethod method, IEnumerable<ScenarioRisk> risks)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(risks);
        var xAxis = method.LikelihoodClasses
            .Select(l => new AxisTick((int)l.Class, l.Class.ToString(), l.Label))
            .ToList();
        // The y ticks sit at the classes A–E and carry the end-score labels (beperkt … catastrofaal).
        var yAxis = method.EndScoreClasses
            .Select((c, i) => new AxisTick(i + 1, ((RiskClass)(i + 1)).ToString(), c.Label))
            .ToList();
        var points = risks
            .Select(r => new RiskDiagramPoint(
                r.ScenarioId,
                r.LikelihoodPosition.Mean,
                r.LikelihoodPosition.Min,
                r.LikelihoodPosition.Max,
                r.ImpactPosition.Mean,
                r.ImpactPosition.Min,
                r.ImpactPosition.Max,
                r.LikelihoodLabel,
                ImpactLabel(r),
                r.RiskScore.Mean))
            .ToList();
        return new RiskDiagramData(method.Version, method.Period, xAxis, yAxis, points);
    }

    private static string ImpactLabel(ScenarioRisk risk) =>
        ReferenceEquals(risk.EndClassLow, risk.EndClassHigh)
            ? risk.EndClass.Label
            : $"{risk.EndClassLow.Label} – {risk.EndClassHigh.Label}";
}
