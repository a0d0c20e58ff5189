using Weerbaar.Analysis.Disclosure;
using Weerbaar.Web.Features.Foto;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Report;

namespace Weerbaar.Web.Tests.Foto;

/// <summary>The pure computation with a made-up set of gemeenten, and the report blocks made from it.</summary>
public class ScanPositionBlocksTests
{
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;

    private static GemeenteInfo Gemeente(int i, string regio, int residents, int urbanity)
        => new($"GM{9000 + i}", $"Gemeente {i}", "PV00", "Provincie", regio, $"Regio {regio}", residents, null, urbanity);

    private static ScanPosition Position(DisclosureSettings disclosure, int rounds = 1)
    {
        // Eight urban gemeenten of size class 2 in VRA scoring 1..8 on EC, four rural ones (same size class) in VRB scoring 9.
        var gemeenten = Enumerable.Range(1, 8).Select(i => Gemeente(i, "VRA", 30_000, 2))
            .Concat(Enumerable.Range(9, 4).Select(i => Gemeente(i, "VRB", 30_000, 5))).ToList();
        var responses = gemeenten.Select((g, i) => (g, new Dictionary<string, string>
        {
            ["EC_score"] = i < 8 ? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "9",
            ["O1"] = g == gemeenten[0] ? "Eigen antwoord" : "Ander antwoord",
        })).ToList();
        var trend = Enumerable.Range(0, rounds).Select(r => ScanPosition.TrendOf(gemeenten[0].Code, Guid.NewGuid(), $"Ronde {r}", new DateOnly(2024 + r, 12, 1), Scan,
            responses.Select(x => (x.g.Code, x.Item2)).ToList(), disclosure)).ToList();
        return ScanPosition.Compute(gemeenten[0], trend[^1].RoundId, trend[^1].RoundName, Scan, responses, trend, disclosure);
    }

    [Fact]
    public void Small_groups_and_their_complement_are_withheld_and_the_threshold_is_a_setting()
    {
        var ec = Position(DisclosureSettings.Default).Pillars[0].Score;
        Assert.Equal(1.0, ec.Own);
        Assert.Equal((12, (36.0 + 36) / 12), (ec.National.N!.Value, ec.National.Mean!.Value));
        // Rural (4) is small; national minus urban would give it away, so urban (8) is withheld as well.
        Assert.Equal(SuppressionReason.Complementary, ec.Urbanity.Reason);
        Assert.Equal(SuppressionReason.Complementary, ec.Veiligheidsregio.Reason);
        Assert.Null(ec.Urbanity.Mean);
        // Lowest of twelve, no ties but itself: (0 + 1/2) / 12.
        Assert.Equal(100 * 0.5 / 12, ec.Percentile!.Value, 12);

        var four = Position(new DisclosureSettings { Threshold = 4 }).Pillars[0].Score;
        Assert.Equal((8, 4.5), (four.Urbanity.N!.Value, four.Urbanity.Mean!.Value));
        Assert.Equal(SuppressionReason.None, four.SizeClass.Reason);
    }

    [Fact]
    public void Blocks_hold_the_heading_the_figure_the_peer_tables_the_open_answers_and_the_trend()
    {
        var blocks = ScanPositionBlocks.For(Position(DisclosureSettings.Default, rounds: 2), firstFigure: 3);
        var heading = Assert.IsType<ReportHeading>(blocks[0]);
        Assert.Equal((2, "Positie in de Weerbaarheidsscan"), (heading.Level, heading.Text));

        var figure = Assert.Single(blocks.OfType<ReportFigure>());
        Assert.Equal(3, figure.Number);
        var chart = Assert.IsType<BarReportChart>(figure.Chart);
        Assert.Equal(12, chart.Bars.Count); // six pillars, own and national
        Assert.Equal((1.0, 6.0), (chart.Bars[0].Value!.Value, chart.Bars[1].Value!.Value));
        Assert.Equal(["Eigen continuïteit (EC)", "1", "6,0", "12"], figure.Table.Rows[0].Select(c => c.Text));

        var tables = blocks.OfType<ReportTable>().ToList();
        Assert.Equal(["positie-tabel-score", "positie-tabel-bewustzijn", "positie-tabel-inzicht", "positie-tabel-trend"], tables.Select(t => t.Key));
        Assert.Equal(["Eigen continuïteit (EC)", "1", "6,0 (n = 12)", "x", "6,0 (n = 12)", "x", "4"], tables[0].Rows[0].Select(c => c.Text));
        Assert.Equal(12, tables[3].Rows.Count); // two rounds × six pillars

        var list = Assert.Single(blocks.OfType<ReportList>());
        Assert.Contains(list.Items, i => i.StartsWith("O1. ", StringComparison.Ordinal) && i.EndsWith("— Eigen antwoord", StringComparison.Ordinal));
        Assert.DoesNotContain(list.Items, i => i.Contains("Ander antwoord", StringComparison.Ordinal));
    }
}
