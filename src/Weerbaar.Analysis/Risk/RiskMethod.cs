using System.Globalization;

namespace Weerbaar.Analysis.Risk;

/// <summary>A number of the method with where it comes from: a source text, or one starting with "aanname".</summary>
public sealed record SourcedValue(double Value, string Source)
{
    public const string AssumptionPrefix = "aanname";

    public bool IsAssumption => Source.StartsWith(AssumptionPrefix, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A likelihood class: chance of the scenario in <see cref="RiskMethod.Period"/>, in percent.</summary>
/// <param name="LowerPercent">Inclusive lower bound.</param>
/// <param name="UpperPercent">Exclusive upper bound; null for the top class.</param>
/// <param name="Value">The number the class stands for in the risk score.</param>
public sealed record LikelihoodClass(
    RiskClass Class,
    string Label,
    double LowerPercent,
    double? UpperPercent,
    string BoundsSource,
    SourcedValue Value);

/// <summary>An impact criterion, scored X or A–E per scenario.</summary>
/// <param name="Id">Stable key (kebab-case), unique within the method.</param>
/// <param name="Name">Dutch name as shown to users.</param>
/// <param name="VitalInterest">The vital interest (vitaal belang) it belongs to.</param>
/// <param name="Optional">An optional criterion (cultureel erfgoed) counts only when a scenario scores it.</param>
/// <param name="ClassValues">Own values for X, A–E (six, in that order); null = <see cref="RiskMethod.ImpactClassValues"/>.</param>
public sealed record ImpactCriterion(
    string Id,
    string Name,
    string VitalInterest,
    SourcedValue Weight,
    string Source,
    bool Optional = false,
    IReadOnlyList<SourcedValue>? ClassValues = null);

/// <summary>A class of the regional end score (the weighted average of the impact values).</summary>
/// <param name="LowerBound">Inclusive lower bound of the weighted average.</param>
public sealed record EndScoreClass(string Label, SourcedValue LowerBound);

/// <summary>
/// The risk method as versioned data: likelihood classes, impact criteria, the number of each class, weights and
/// end-score classes, each number with its source or "aanname". A beheerder may replace any of it; see
/// docs/risk-method.md for the formulas.
/// </summary>
/// <param name="Period">The horizon of the likelihood classes, e.g. "5 jaar".</param>
/// <param name="ImpactClassValues">Values of X, A, B, C, D, E (six, in that order), shared by all criteria unless a criterion has its own.</param>
/// <param name="EndScoreClasses">Lowest first; the first has lower bound 0.</param>
public sealed partial record RiskMethod(
    string Version,
    string Period,
    IReadOnlyList<LikelihoodClass> LikelihoodClasses,
    IReadOnlyList<SourcedValue> ImpactClassValues,
    IReadOnlyList<ImpactCriterion> Criteria,
    IReadOnlyList<EndScoreClass> EndScoreClasses)
{
    public ImpactCriterion? FindCriterion(string id) =>
        Criteria.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));

    public LikelihoodClass Likelihood(RiskClass value) =>
        LikelihoodClasses.First(l => l.Class == value);

    /// <summary>The value of a class on a criterion.</summary>
    public double ImpactValue(ImpactCriterion criterion, RiskClass value) =>
        (criterion.ClassValues ?? ImpactClassValues)[(int)value].Value;

    /// <summary>The likelihood class of a chance in percent over <see cref="Period"/>.</summary>
    public RiskClass LikelihoodClassOf(double percent) =>
        LikelihoodClasses.Last(l => percent >= l.LowerPercent || l.Class == RiskClass.A).Class;

    /// <summary>The end-score class that an impact score (weighted average) falls in.</summary>
    public EndScoreClass EndScoreClassOf(double score) =>
        EndScoreClasses.Last(c => score >= c.LowerBound.Value || ReferenceEquals(c, EndScoreClasses[0]));

    /// <summary>Problems that make the method unusable, in Dutch; empty when it is sound.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var expected = new[] { RiskClass.A, RiskClass.B, RiskClass.C, RiskClass.D, RiskClass.E };
        if (!LikelihoodClasses.Select(l => l.Class).SequenceEqual(expected))
        {
            problems.Add("De waarschijnlijkheidsklassen moeten A, B, C, D en E zijn, in die volgorde.");
        }
        else if (!StrictlyIncreasing(LikelihoodClasses.Select(l => l.Value.Value)))
        {
            problems.Add("De waarden van de waarschijnlijkheidsklassen moeten van A naar E oplopen.");
        }

        CheckScale(ImpactClassValues, "de impactklassen", problems);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var criterion in Criteria)
        {
            if (!ids.Add(criterion.Id))
            {
                problems.Add($"Het criterium '{criterion.Id}' komt meer dan eens voor.");
            }

            if (!double.IsFinite(criterion.Weight.Value) || criterion.Weight.Value <= 0)
            {
                problems.Add($"Het gewicht van '{criterion.Name}' moet groter dan 0 zijn.");
            }

            if (criterion.ClassValues is { } own)
            {
                CheckScale(own, $"'{criterion.Name}'", problems);
            }
        }

        if (!Criteria.Any(c => !c.Optional))
        {
            problems.Add("De methode heeft geen verplichte impactcriteria.");
        }

        if (EndScoreClasses.Count == 0 || EndScoreClasses[0].LowerBound.Value != 0
            || !StrictlyIncreasing(EndScoreClasses.Select(c => c.LowerBound.Value)))
        {
            problems.Add("De eindscoreklassen moeten bij 0 beginnen en oplopende ondergrenzen hebben.");
        }

        return problems;
    }

    private static void CheckScale(IReadOnlyList<SourcedValue> values, string what, List<string> problems)
    {
        if (values.Count != 6)
        {
            problems.Add($"Voor {what} zijn zes waarden nodig (X, A, B, C, D, E).");
        }
        else if (values[0].Value < 0 || !StrictlyIncreasing(values.Select(v => v.Value)))
        {
            problems.Add($"De waarden voor {what} moeten vanaf X (≥ 0) tot en met E oplopen.");
        }
    }

    private static bool StrictlyIncreasing(IEnumerable<double> values)
    {
        var previous = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsFinite(v) || v <= previous)
            {
                return false;
            }

            previous = v;
        }

        return true;
    }

    internal static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
