using Weerbaar.Analysis.Decision;

namespace Weerbaar.Analysis.Tests.Decision;

public class SmaaTests
{
    private static SmaaAlternative Alt(string id, params Interval[] values) => new(id, values);

    private static Interval[] Exact(params double[] values) => [.. values.Select(Interval.Exact)];

    [Fact]
    public void Run_NoUncertainty_GivesCertainRanks()
    {
        var input = new SmaaInput(
            [Alt("stroom", Exact(0.9, 0.2)), Alt("water", Exact(0.5, 0.5)), Alt("hitte", Exact(0.1, 0.3))],
            Exact(0.6, 0.4), Samples: 500);

        var result = Smaa.Run(input);

        // Scores 0.62, 0.50, 0.18.
        Assert.Equal([1.0, 0, 0], result.RankAcceptability[0]);
        Assert.Equal([0, 1.0, 0], result.RankAcceptability[1]);
        Assert.Equal([0, 0, 1.0], result.RankAcceptability[2]);
    }

    [Fact]
    public void Run_IdenticalExactAlternatives_ShareTheirRanks()
    {
        var input = new SmaaInput([Alt("a", Exact(1, 2)), Alt("b", Exact(1, 2)), Alt("c", Exact(0, 0))], Exact(1, 1), Samples: 10);

        var result = Smaa.Run(input);

        Assert.Equal([0.5, 0.5, 0], result.RankAcceptability[0]);
        Assert.Equal([0.5, 0.5, 0], result.RankAcceptability[1]);
        Assert.Equal([0, 0, 1.0], result.RankAcceptability[2]);
    }

    [Fact]
    public void Run_IdenticalUncertainAlternatives_AreHalfAndHalfWithinFourStandardErrors()
    {
        const int samples = 40_000;
        Interval[] values = [new(0.2, 0.8), new(0, 1), new(0.4, 0.6)];
        var input = new SmaaInput([Alt("a", values), Alt("b", values)], [new(0.2, 0.5), new(0.1, 0.3), new(0.3, 0.4)], samples, Seed: 7);

        var result = Smaa.Run(input);

        var allowed = 4 * SmaaResult.StandardError(0.5, samples); // 0.01
        Assert.InRange(result.RankAcceptability[0][0], 0.5 - allowed, 0.5 + allowed);
        Assert.Equal(1.0, result.RankAcceptability[0][0] + result.RankAcceptability[1][0], 12);
    }

    [Fact]
    public void Run_SameSeed_GivesIdenticalOutput_OtherSeedDiffers()
    {
        var input = Realistic(samples: 20_000, seed: 42);

        var first = Smaa.Run(input);
        var second = Smaa.Run(input);
        var other = Smaa.Run(input with { Seed = 43 });

        for (var a = 0; a < first.Alternatives.Count; a++)
        {
            Assert.Equal(first.RankAcceptability[a], second.RankAcceptability[a]);
            Assert.Equal(first.CentralWeights![a], second.CentralWeights![a]);
        }
        Assert.NotEqual(first.RankAcceptability[0], other.RankAcceptability[0]);
    }

    [Fact]
    public void Run_Converges_TwentyThousandWithinFourStandardErrorsOfTwoHundredThousand()
    {
        const int few = 20_000, many = 200_000;
        var small = Smaa.Run(Realistic(few, seed: 1));
        var large = Smaa.Run(Realistic(many, seed: 2));

        for (var a = 0; a < small.Alternatives.Count; a++)
        {
            for (var r = 0; r < small.Alternatives.Count; r++)
            {
                var p = large.RankAcceptability[a][r];
                // Independent seeds: the difference has variance p(1 − p)(1/20k + 1/200k); 4 SE, with a floor for p near 0.
                var se = Math.Sqrt(p * (1 - p) * (1.0 / few + 1.0 / many));
                Assert.True(Math.Abs(small.RankAcceptability[a][r] - p) <= 4 * se + 1e-4,
                    $"alternative {a}, rank {r + 1}: {small.RankAcceptability[a][r]} vs {p} (4 SE = {4 * se})");
            }
        }
    }

    [Fact]
    public void Run_RowsAndColumnsSumToOne()
    {
        var result = Smaa.Run(Realistic(5_000, seed: 3));

        var m = result.Alternatives.Count;
        for (var i = 0; i < m; i++)
        {
            Assert.Equal(1.0, result.RankAcceptability[i].Sum(), 9);
            Assert.Equal(1.0, Enumerable.Range(0, m).Sum(a => result.RankAcceptability[a][i]), 9);
        }
    }

    [Fact]
    public void Run_CentralWeights_FavourTheCriterionWhereTheAlternativeExcels()
    {
        // No weight information: each alternative leads only where the weight on its strong criterion is large.
        var input = new SmaaInput([Alt("a", Exact(1, 0)), Alt("b", Exact(0, 1))], null, 20_000, CentralWeights: true);

        var result = Smaa.Run(input);

        Assert.Equal(0.5, result.RankAcceptability[0][0], 1);
        Assert.Equal(0.75, result.CentralWeights![0]![0], 1); // E[w1 | w1 > 1/2] for w1 uniform on [0, 1]
        Assert.Equal(0.75, result.CentralWeights![1]![1], 1);
        Assert.Equal(1.0, result.CentralWeights![0]!.Sum(), 12);
    }

    [Fact]
    public void Run_AlternativeNeverFirst_HasNoCentralWeights()
    {
        var input = new SmaaInput([Alt("a", Exact(1, 1)), Alt("b", Exact(0, 0))], Exact(1, 1), 100, CentralWeights: true);

        Assert.Null(Smaa.Run(input).CentralWeights![1]);
    }

    [Fact]
    public void Run_WeightsAreRescaled()
    {
        // Exact weights 3 and 1 count as 0.75 and 0.25: a scores 0.75, b 0.25 · 3.1 = 0.775, so b ranks first.
        var input = new SmaaInput([Alt("a", Exact(1, 0)), Alt("b", Exact(0, 3.1))], Exact(3, 1), 10);

        Assert.Equal([0, 1.0], Smaa.Run(input).RankAcceptability[0]);
    }

    public static TheoryData<SmaaInput, string> Invalid => new()
    {
        { new SmaaInput([], null), "geen scenario" },
        { new SmaaInput([Alt("a", Exact(1))], null, Samples: 0), "trekkingen" },
        { new SmaaInput([Alt("a", Exact(1, 2)), Alt("b", Exact(1))], null), "Scenario b heeft 1 criteriumwaarden; verwacht 2" },
        { new SmaaInput([Alt("a", new Interval(2, 1))], null), "ondergrens" },
        { new SmaaInput([Alt("a", Exact(1, 2))], Exact(1)), "1 gewichten opgegeven voor 2 criteria" },
        { new SmaaInput([Alt("a", Exact(1))], [new(-1, 1)]), "niet-negatieve" },
        { new SmaaInput([Alt("a", Exact(1))], Exact(0)), "groter dan 0" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Run_InvalidInput_ThrowsDutchMessage(SmaaInput input, string fragment)
    {
        var error = Assert.Throws<ArgumentException>(() => Smaa.Run(input));

        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xoshiro256_MatchesReferenceOutput()
    {
        // Computed independently with a direct Python transcription of Vigna's xoshiro256starstar.c and splitmix64.c
        // (state = four SplitMix64 outputs from 2026). Any change to the generator changes every stored SMAA result.
        var random = new Xoshiro256(2026);
        var first = new[] { random.NextUInt64(), random.NextUInt64(), random.NextUInt64() };

        Assert.Equal(Pinned, first);
        var r = new Xoshiro256(1);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(r.NextDouble(), 0.0, 0.9999999999999999);
        }
    }

    private static readonly ulong[] Pinned = [10583478199052185109, 5232962402658359512, 14988153452874227418];

    /// <summary>Eight scenarios, five criteria, class ranges of width 1 on a 1–5 scale and ±30 % weight intervals.</summary>
    internal static SmaaInput Realistic(int samples, ulong seed)
    {
        var random = new Random(11);
        var alternatives = Enumerable.Range(0, 8).Select(a => Alt($"s{a}", [.. Enumerable.Range(0, 5).Select(_ =>
        {
            var low = 1 + random.Next(4);
            return new Interval(low, low + 1);
        })])).ToArray();
        double[] weights = [0.3, 0.25, 0.2, 0.15, 0.1];
        return new SmaaInput(alternatives, [.. weights.Select(w => new Interval(0.7 * w, 1.3 * w))], samples, seed, CentralWeights: true);
    }
}
