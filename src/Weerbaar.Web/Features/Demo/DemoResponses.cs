using System.Globalization;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Demo;

/// <summary>
/// Synthetic scan responses whose marginals resemble the published figures of the 2025 scan (DESIGN.md): drawn
/// from a seeded generator, so the demo is reproducible, and never copied from real answers.
/// </summary>
public static class DemoResponses
{
    /// <summary>P(1..5), P(WN) per Likert question; chosen so that e.g. B1 has ≈ 88 % "enigszins tot zeer grote mate".</summary>
    public static IReadOnlyDictionary<string, double[]> LikertTargets => Likert;

    private static readonly Dictionary<string, double[]> Likert = new(StringComparer.Ordinal)
    {
        ["B1"] = [0.03, 0.09, 0.30, 0.40, 0.18, 0.00],
        ["B2"] = [0.02, 0.06, 0.27, 0.43, 0.22, 0.00],
        ["B3"] = [0.22, 0.33, 0.28, 0.12, 0.03, 0.02],
        ["B4"] = [0.07, 0.19, 0.37, 0.27, 0.10, 0.00],
        ["B5"] = [0.05, 0.15, 0.38, 0.31, 0.10, 0.01],
        ["I1"] = [0.06, 0.13, 0.28, 0.36, 0.16, 0.01],
        ["I2"] = [0.08, 0.17, 0.25, 0.36, 0.13, 0.01],
        ["I3"] = [0.06, 0.16, 0.44, 0.27, 0.06, 0.01],
    };

    private static readonly Dictionary<string, (double Score, double Rank)> Pillars = new(StringComparer.Ordinal)
    {
        ["EC"] = (5.7, 2.55),
        ["CO"] = (6.8, 3.51),
        ["VV"] = (5.5, 3.03),
        ["SW"] = (6.1, 4.25),
        ["ZR"] = (5.9, 3.05),
        ["SO"] = (5.8, 4.61),
    };

    private static readonly (string Code, double P)[] Departments =
        [("OOV", 0.80), ("CRISIS", 0.45), ("BEDRIJF", 0.20), ("SOCIAAL", 0.03), ("RUIMTE", 0.06), ("COMM", 0.10), ("DIRECTIE", 0.15), ("ANDERS", 0.05)];

    private static readonly string[] Concerns =
    [
        "Te weinig capaciteit: weerbaarheid komt bovenop de gewone taken van een kleine afdeling OOV.",
        "Er is geen structureel budget; we werken met incidentele middelen.",
        "We weten nog onvoldoende waar kwetsbare inwoners wonen die zich 72 uur niet zelf kunnen redden.",
        "De inrichting van noodsteunpunten: locaties, stroomvoorziening en bemensing zijn nog niet geregeld.",
        "Onduidelijk wat het Rijk en de veiligheidsregio van de gemeente verwachten.",
        "Afhankelijkheid van ketenpartners voor drinkwater, energie en telecom.",
        "De bedrijfscontinuïteit bij uitval van ICT-systemen is niet geoefend.",
    ];

    private static readonly string[] Tasks =
    [
        "Het actualiseren van het crisisplan en het oefenen met het crisisteam.",
        "Voorbereiden van noodsteunpunten samen met dorps- en wijkverenigingen.",
        "Een risicoanalyse van kritieke bedrijfsprocessen en de ICT-afhankelijkheid.",
        "Communicatie met inwoners over zelfredzaamheid en het noodpakket.",
        "Afspraken met zorgaanbieders over kwetsbare inwoners.",
    ];

    private static readonly string[] Support =
    [
        "Structurele financiering vanuit het Rijk.",
        "Landelijke regie en duidelijke kaders voor de taken van gemeenten.",
        "Ondersteuning van de veiligheidsregio bij planvorming en oefenen.",
        "Voorbeelden en handreikingen van andere gemeenten.",
    ];

    // Gaussian copula: each Likert item is its scale's latent (loading λ) plus noise, cut at the item's cumulative
    // proportions, so the marginals above hold exactly while the items of a scale correlate as real answers do
    // (Cronbach's α ≈ 0.75–0.8 at the listwise n of a demo round; checked in DemoResponsesTests).
    private const double AwarenessLoading = 0.68;
    private const double InsightLoading = 0.78;
    private const double AwarenessInsightCorrelation = 0.5;
    // The pillar questions share the same latents more loosely: aware respondents tend to rate every pillar higher.
    private const double PillarLoading = 0.5;
    private const double ScoreLoading = 0.35;

    /// <param name="include">Gemeenten that always respond (the demo gemeente), before the seeded draw of the rest.</param>
    public static List<ResponseRow> Generate(Instrument instrument, IReadOnlyList<string> gemeenten, int count, int seed, IReadOnlyCollection<string>? include = null)
    {
        var random = new Random(seed);
        var fixedOnes = (include ?? []).Where(gemeenten.Contains).Distinct(StringComparer.Ordinal).ToList();
        var picked = fixedOnes
            // Sorted by code first: the draw must not depend on the order (display names) the caller lists them in.
            .Concat(gemeenten.Except(fixedOnes, StringComparer.Ordinal).Order(StringComparer.Ordinal).OrderBy(_ => random.Next()))
            .Take(count).Order(StringComparer.Ordinal).ToList();
        var rows = new List<ResponseRow>(picked.Count);
        var day = new DateTime(2025, 12, 15, 9, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < picked.Count; i++)
        {
            var answers = new Dictionary<string, string>(StringComparer.Ordinal);
            var completeness = 0.75 + (0.25 * random.NextDouble()); // n per question varies like the published 75–101
            var awareness = Normal(random);
            var insight = Correlated(random, awareness, AwarenessInsightCorrelation);
            foreach (var (question, p) in Likert)
            {
                var latent = Correlated(random, question[0] == 'B' ? awareness : insight, question[0] == 'B' ? AwarenessLoading : InsightLoading);
                if (random.NextDouble() < completeness)
                {
                    answers[question] = random.NextDouble() * p.Sum() < p[5] ? "WN" : Category(p, latent).ToString(CultureInfo.InvariantCulture);
                }
            }
            if (random.NextDouble() < completeness)
            {
                answers["I4"] = random.NextDouble() < 0.12 ? "NIET" : DepartmentsOf(random);
                if (answers["I4"].Contains("ANDERS", StringComparison.Ordinal))
                {
                    answers["I4_anders"] = random.NextDouble() < 0.5 ? "Griffie" : "Programmamanager weerbaarheid";
                }
            }
            var ranked = random.NextDouble() < completeness;
            var ranks = RankPillars(random);
            foreach (var (pillar, (score, _)) in Pillars)
            {
                if (random.NextDouble() < completeness)
                {
                    answers[$"{pillar}_score"] = Math.Clamp((int)Math.Round(score + (1.4 * Correlated(random, insight, ScoreLoading))), 1, 10).ToString(CultureInfo.InvariantCulture);
                }
                if (ranked)
                {
                    answers[$"{pillar}_rank"] = ranks[pillar].ToString(CultureInfo.InvariantCulture);
                }
                foreach (var kind in new[] { "bewustzijn", "inzicht" })
                {
                    if (random.NextDouble() < completeness)
                    {
                        // Awareness runs about half a point above insight: "gemeenten know what, not how".
                        var centre = (kind == "bewustzijn" ? 3.6 : 3.0) + ((score - 6) * 0.3);
                        var latent = Correlated(random, kind == "bewustzijn" ? awareness : insight, PillarLoading);
                        answers[$"{pillar}_{kind}"] = Math.Clamp((int)Math.Round(centre + (0.9 * latent)), 1, 5).ToString(CultureInfo.InvariantCulture);
                    }
                }
            }
            if (random.NextDouble() < 0.7)
            {
                answers["O1"] = Concerns[random.Next(Concerns.Length)];
            }
            if (random.NextDouble() < 0.6)
            {
                answers["O2"] = Tasks[random.Next(Tasks.Length)];
            }
            if (random.NextDouble() < 0.6)
            {
                answers["O3"] = Support[random.Next(Support.Length)];
            }
            var completed = day.AddDays(random.Next(0, 31)).AddMinutes(random.Next(0, 600));
            rows.Add(new ResponseRow($"demo-{i + 1:000}", picked[i], completed.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), answers));
        }
        var errors = rows.SelectMany(r => AnswerValidator.Validate(instrument, r.Answers)).ToList();
        return errors.Count == 0 ? rows : throw new InvalidOperationException("Demo-antwoorden ongeldig: " + errors[0].Message);
    }

    /// <summary>The answer 1–5 whose cumulative share (without 'weet niet') first exceeds Φ(latent).</summary>
    private static int Category(double[] p, double latent)
    {
        var u = MathNet.Numerics.Distributions.Normal.CDF(0, 1, latent) * p[..5].Sum();
        for (var k = 0; k < 4; k++)
        {
            u -= p[k];
            if (u < 0)
            {
                return k + 1;
            }
        }
        return 5;
    }

    /// <summary>A standard normal with correlation <paramref name="loading"/> to the standard normal <paramref name="factor"/>.</summary>
    private static double Correlated(Random random, double factor, double loading)
        => (loading * factor) + (Math.Sqrt(1 - (loading * loading)) * Normal(random));

    private static string DepartmentsOf(Random random)
    {
        var codes = Departments.Where(d => random.NextDouble() < d.P).Select(d => d.Code).ToList();
        return string.Join('|', codes.Count > 0 ? codes : ["OOV"]);
    }

    // Plackett–Luce draw: a lower published mean rank gives a higher weight, so that pillar tends to come first.
    private static Dictionary<string, int> RankPillars(Random random)
    {
        var left = Pillars.ToDictionary(p => p.Key, p => Math.Exp(-1.1 * (p.Value.Rank - 3.5)));
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var position = 1; left.Count > 0; position++)
        {
            var u = random.NextDouble() * left.Values.Sum();
            var chosen = left.Keys.Last();
            foreach (var (pillar, weight) in left)
            {
                u -= weight;
                if (u < 0)
                {
                    chosen = pillar;
                    break;
                }
            }
            ranks[chosen] = position;
            left.Remove(chosen);
        }
        return ranks;
    }

    private static double Normal(Random random)
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
