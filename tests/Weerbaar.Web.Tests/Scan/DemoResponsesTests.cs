using System.Globalization;
using Weerbaar.Analysis.Reliability;
using Weerbaar.Web.Features.Demo;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Results;

namespace Weerbaar.Web.Tests.Scan;

public sealed class DemoResponsesTests
{
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;
    private static readonly List<string> Codes = Enumerable.Range(1, 342).Select(i => $"GM{i:0000}").ToList();

    [Fact]
    public void The_generator_is_reproducible_and_valid()
    {
        var a = DemoResponses.Generate(Scan, Codes, 101, seed: 7);
        var b = DemoResponses.Generate(Scan, Codes, 101, seed: 7);
        Assert.Equal(101, a.Count);
        Assert.Equal(101, a.Select(r => r.Gemeentecode).Distinct().Count());
        Assert.Equal(a.Select(r => string.Join(";", r.Answers.OrderBy(x => x.Key, StringComparer.Ordinal))), b.Select(r => string.Join(";", r.Answers.OrderBy(x => x.Key, StringComparer.Ordinal))));
    }

    [Fact]
    public void Marginals_resemble_the_published_figures()
    {
        // Pool several seeded samples of the size of the real scan so sampling noise stays small.
        var rows = Enumerable.Range(0, 10).SelectMany(s => DemoResponses.Generate(Scan, Codes, 101, seed: 100 + s)).ToList();
        double Share(string q, Func<int, bool> predicate)
        {
            var values = rows.Select(r => r.Answers.GetValueOrDefault(q)).Where(v => v is not null and not "WN").Select(v => int.Parse(v!, CultureInfo.InvariantCulture)).ToList();
            return values.Count(predicate) / (double)values.Count;
        }
        Assert.InRange(Share("B1", v => v >= 3), 0.83, 0.93);   // published 88.1 %
        Assert.InRange(Share("B2", v => v >= 3), 0.87, 0.97);   // 92.1 %
        Assert.InRange(Share("B3", v => v <= 2), 0.50, 0.65);   // more than half
        Assert.InRange(Share("B4", v => v >= 3), 0.68, 0.79);   // 73.3 %
        Assert.InRange(Share("I1", v => v >= 3), 0.75, 0.86);   // 80.2 %
        Assert.InRange(Share("I2", v => v >= 4), 0.44, 0.55);   // 49.5 %
        Assert.InRange(Share("I3", v => v <= 2), 0.17, 0.27);   // 21.8 %
        Assert.InRange(Share("I3", v => v == 3), 0.39, 0.50);   // 44.5 %
        var i4 = rows.Select(r => r.Answers.GetValueOrDefault("I4")).OfType<string>().ToList();
        Assert.InRange(i4.Count(v => v == "NIET") / (double)i4.Count, 0.08, 0.16); // 12 %

        double MeanScore(string p) => rows.Select(r => r.Answers.GetValueOrDefault($"{p}_score")).OfType<string>().Average(v => int.Parse(v, CultureInfo.InvariantCulture));
        double MeanRank(string p) => rows.Select(r => r.Answers.GetValueOrDefault($"{p}_rank")).OfType<string>().Average(v => int.Parse(v, CultureInfo.InvariantCulture));
        foreach (var (p, score) in new[] { ("EC", 5.7), ("CO", 6.8), ("VV", 5.5), ("SW", 6.1), ("ZR", 5.9), ("SO", 5.8) })
        {
            Assert.InRange(MeanScore(p), score - 0.3, score + 0.3);
        }
        // Published order of mean rank: EC (2.55) before VV/ZR (≈3.0) before CO (3.51) before SW (4.25) before SO (4.61).
        Assert.True(MeanRank("EC") < MeanRank("VV") && MeanRank("ZR") < MeanRank("CO") && MeanRank("CO") < MeanRank("SW") && MeanRank("SW") < MeanRank("SO"),
            string.Join(", ", new[] { "EC", "VV", "ZR", "CO", "SW", "SO" }.Select(p => $"{p} {MeanRank(p):F2}")));
    }

    [Fact]
    public void Every_answer_share_of_every_likert_question_holds_its_target()
    {
        // The latent factor moves answers between respondents, not between categories: each item keeps its marginal.
        var rows = Enumerable.Range(0, 10).SelectMany(s => DemoResponses.Generate(Scan, Codes, 101, seed: 100 + s)).ToList();
        foreach (var (question, p) in DemoResponses.LikertTargets)
        {
            var values = rows.Select(r => r.Answers.GetValueOrDefault(question)).OfType<string>().ToList();
            Assert.InRange(values.Count(v => v == "WN") / (double)values.Count, p[5] - 0.02, p[5] + 0.02);
            var given = values.Where(v => v != "WN").ToList();
            for (var k = 1; k <= 5; k++)
            {
                var target = p[k - 1] / p[..5].Sum();
                var share = given.Count(v => v == k.ToString(CultureInfo.InvariantCulture)) / (double)given.Count;
                Assert.True(Math.Abs(share - target) <= 0.05, $"{question}={k}: {share:F3}, target {target:F3}");
            }
        }
    }

    [Fact]
    public void The_items_of_a_scale_hang_together()
    {
        var alphas = Enumerable.Range(0, 10)
            .Select(s => RoundResults.Compute(Scan, DemoResponses.Generate(Scan, Codes, 101, seed: 100 + s).Select(r => new Dictionary<string, string>(r.Answers)).ToList()).Scales)
            .SelectMany(scales => scales)
            .GroupBy(s => s.Id)
            .ToDictionary(g => g.Key, g => g.Select(s => s.CronbachAlpha!.Value).ToList());
        foreach (var id in new[] { "bewustzijn", "inzicht" })
        {
            Assert.InRange(alphas[id].Average(), 0.72, 0.83);
            Assert.All(alphas[id], a => Assert.InRange(a, 0.55, 0.92));
        }
    }

    [Fact]
    public void Alpha_of_the_generated_answers_agrees_with_the_textbook_formula()
    {
        var rows = DemoResponses.Generate(Scan, Codes, 101, seed: 2025);
        foreach (var (_, items) in RoundResults.Scales)
        {
            var complete = rows
                .Select(r => items.Select(i => int.TryParse(r.Answers.GetValueOrDefault(i), CultureInfo.InvariantCulture, out var v) ? v : (int?)null).ToList())
                .Where(values => values.All(v => v is not null))
                .Select(values => values.Select(v => (double)v!.Value).ToArray())
                .ToList();
            // α = k/(k−1)·(1 − Σ var(item) / var(total)), sample variances.
            static double Variance(IReadOnlyList<double> x)
            {
                var mean = x.Average();
                return x.Sum(v => (v - mean) * (v - mean)) / (x.Count - 1);
            }
            var k = items.Length;
            var expected = k / (k - 1.0) * (1 - (Enumerable.Range(0, k).Sum(j => Variance(complete.Select(c => c[j]).ToList())) / Variance(complete.Select(c => c.Sum()).ToList())));
            var computed = CronbachAlpha.Compute(rows.Select(r => (IReadOnlyList<double?>)items.Select(i => RoundResults.Numeric(r.Answers.GetValueOrDefault(i))).ToList()).ToList());
            Assert.Equal(complete.Count, computed.N);
            Assert.Equal(expected, computed.Alpha!.Value, 12);
        }
    }

    [Fact]
    public void Gemeenten_to_include_always_respond_and_the_draw_ignores_list_order()
    {
        var rows = DemoResponses.Generate(Scan, Codes, 101, seed: 2025, include: ["GM0342"]);
        Assert.Equal(101, rows.Count);
        Assert.Contains(rows, r => r.Gemeentecode == "GM0342");
        var reversed = DemoResponses.Generate(Scan, Codes.AsEnumerable().Reverse().ToList(), 101, seed: 2025, include: ["GM0342"]);
        Assert.Equal(rows.Select(r => r.Gemeentecode), reversed.Select(r => r.Gemeentecode));
    }
}
