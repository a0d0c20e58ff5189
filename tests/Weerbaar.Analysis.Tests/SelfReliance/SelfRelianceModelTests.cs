using Weerbaar.Analysis.SelfReliance;

namespace Weerbaar.Analysis.Tests.SelfReliance;

public class SelfRelianceModelTests
{
    private static readonly SelfRelianceAssumptionValues Defaults = new(0.5, 0.4, 0.5, 0.1, 0.02, 72);

    // Hand-worked: buurt A has 1,000 residents of whom 200 are 65+.
    //   75+ alone = 200 × 0.5 × 0.4 = 40; of them 40 × 0.5 = 20 cannot cope
    //   other 65+ = 200 − 40 = 160; × 0.1 = 16
    //   under 65 = 800 × 0.02 = 16
    //   register: 3 at home on dialysis (always), a care home of 50 that holds out 24 h without power (counts),
    //   a care home of 30 that holds out 96 h on both (does not), a school of 400 (day-time, does not)
    //   total = 20 + 16 + 16 + 3 + 50 = 105
    [Fact]
    public void Estimate_HandWorkedBuurt()
    {
        var register = new[]
        {
            new SelfRelianceRegisterEntry("A", 3, AtHome: true, Residential: false, null, null),
            new SelfRelianceRegisterEntry("A", 50, AtHome: false, Residential: true, 24, 96),
            new SelfRelianceRegisterEntry("A", 30, AtHome: false, Residential: true, 96, 96),
            new SelfRelianceRegisterEntry("A", 400, AtHome: false, Residential: false, 0, 0),
        };
        var result = SelfRelianceModel.Estimate([new SelfRelianceArea("A", 1000, 200)], register, Defaults);

        var a = Assert.Single(result.Areas);
        Assert.Equal(40, a.Older75Alone, 9);
        Assert.Equal(20, a.FromOlder75Alone, 9);
        Assert.Equal(16, a.FromOtherOlder, 9);
        Assert.Equal(16, a.FromUnder65, 9);
        Assert.Equal(3, a.AtHomeDependent);
        Assert.Equal(50, a.InInstitutions);
        Assert.Equal(105, a.Total, 9);
        Assert.Equal(0.105, a.Share!.Value, 9);
        Assert.False(a.Capped);
        Assert.Null(result.Unplaced);
        Assert.Equal(105, result.Total, 9);
    }

    [Fact]
    public void Estimate_InstitutionWithoutHoursCounts_AndHoldingOutExactlyTheThresholdDoesNot()
    {
        var register = new[]
        {
            new SelfRelianceRegisterEntry("A", 10, false, true, null, 100),
            new SelfRelianceRegisterEntry("A", 7, false, true, 72, 72),
            new SelfRelianceRegisterEntry("A", 5, false, true, 72, 71),
        };
        var a = SelfRelianceModel.Estimate([new SelfRelianceArea("A", 100, 0)], register, Defaults).Areas[0];
        Assert.Equal(15, a.InInstitutions);
    }

    [Fact]
    public void Estimate_CapsAtResidents_AndKeepsUnplacedEntriesForTheGemeente()
    {
        var register = new[]
        {
            new SelfRelianceRegisterEntry("A", 80, false, true, 0, 0),
            new SelfRelianceRegisterEntry(null, 6, true, false, null, null),
            new SelfRelianceRegisterEntry("ELDERS", 4, true, false, null, null),
        };
        var result = SelfRelianceModel.Estimate([new SelfRelianceArea("A", 50, 40)], register, Defaults);

        Assert.True(result.Areas[0].Capped);
        Assert.Equal(50, result.Areas[0].Total);
        Assert.NotNull(result.Unplaced);
        Assert.Equal(10, result.Unplaced!.AtHomeDependent);
        Assert.Equal(60, result.Total, 9);
    }

    [Fact]
    public void Estimate_ZeroShares_CountOnlyTheRegister()
    {
        var none = new SelfRelianceAssumptionValues(0, 0, 0, 0, 0, 72);
        var result = SelfRelianceModel.Estimate([new SelfRelianceArea("A", 900, 300)], [new SelfRelianceRegisterEntry("A", 2, true, false, null, null)], none);
        Assert.Equal(2, result.Total, 9);
    }
}
