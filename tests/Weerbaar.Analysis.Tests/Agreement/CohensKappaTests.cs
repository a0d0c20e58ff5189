using System.Text.Json;
using Weerbaar.Analysis.Agreement;
using static Weerbaar.Analysis.Tests.ReferenceFixture;

namespace Weerbaar.Analysis.Tests.Agreement;

public class CohensKappaTests
{
    private const string File = "agreement-kappa.json";

    // κ, p_o, p_e, SEs, bounds and z agree to 1e-10 (the reference is exact rational arithmetic up to the square
    // roots); p is compared relatively (1e-10 of its size) because the realistic case has p ≈ 1e-30.
    private const double Tolerance = 1e-10;

    public static TheoryData<string> Cases => Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_MatchesReference(string name)
    {
        var c = Case(File, name);
        var coder1 = Codes(c.GetProperty("coder1"));
        var coder2 = Codes(c.GetProperty("coder2"));
        var given = c.GetProperty("categoriesGiven");
        string[]? categories = given.ValueKind == JsonValueKind.Null ? null : [.. Codes(given).Select(s => s!)];

        var result = CohensKappa.Compute(coder1, coder2, categories, c.GetProperty("confidenceLevel").GetDouble());

        Assert.Equal(c.GetProperty("n").GetInt32(), result.N);
        Assert.Equal(c.GetProperty("excluded").GetInt32(), result.Excluded);
        Assert.Equal(Codes(c.GetProperty("categories")).Select(s => s!), result.Categories);
        var confusion = c.GetProperty("confusion");
        for (var i = 0; i < result.Categories.Count; i++)
        {
            Assert.Equal(confusion[i].EnumerateArray().Select(e => e.GetInt32()), result.Confusion[i]);
        }

        Close(NullableDouble(c.GetProperty("po")), result.ObservedAgreement, Tolerance, "p_o");
        Close(NullableDouble(c.GetProperty("po")) * 100, result.PercentAgreement, Tolerance, "percent agreement");
        Close(NullableDouble(c.GetProperty("pe")), result.ExpectedAgreement, Tolerance, "p_e");
        Close(NullableDouble(c.GetProperty("kappa")), result.Kappa, Tolerance, "kappa");
        Close(NullableDouble(c.GetProperty("se")), result.StandardError, Tolerance, "SE");
        Close(NullableDouble(c.GetProperty("lower")), result.Lower, Tolerance, "lower");
        Close(NullableDouble(c.GetProperty("upper")), result.Upper, Tolerance, "upper");
        Close(NullableDouble(c.GetProperty("se0")), result.StandardErrorNull, Tolerance, "SE0");
        Close(NullableDouble(c.GetProperty("z")), result.Z, Tolerance, "z");
        var p = NullableDouble(c.GetProperty("p"));
        Close(p, result.P, Tolerance * (p ?? 1), "p");
    }

    [Fact]
    public void Compute_WikipediaExample_HandWorked()
    {
        // Wikipedia, "Cohen's kappa", simple example: 50 grant proposals, coder A says Yes to 25, coder B to 30;
        // both Yes 20, A Yes/B No 5, A No/B Yes 10, both No 15.
        //   p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5)/(1 − 0.5) = 0.4.
        // Fleiss–Cohen–Everitt variance, rows = A (Yes, No), p_11 = .4, p_12 = .1, p_21 = .2, p_22 = .3,
        // r = (.5, .5), c = (.6, .4), 1 − κ = .6:
        //   diagonal  .4·(1 − 1.1·.6)² + .3·(1 − .9·.6)² = .4·.1156 + .3·.2116       = .10972
        //   off-diag  .36·[.1·(.6 + .5)² + .2·(.4 + .5)²] = .36·(.121 + .162)          = .10188
        //   minus     (κ − p_e(1 − κ))² = (.4 − .3)²                                     = .01
        //   Var = .2016 / (50·.25) = .016128, SE = .126996…
        // Null variance: (.5 + .25 − (.5·.6·1.1 + .5·.4·.9)) / 12.5 = .24/12.5 = .0192, z = .4/√.0192 = 2.88675…
        string[] a = [.. Enumerable.Repeat("Yes", 25), .. Enumerable.Repeat("No", 25)];
        string[] b = [.. Enumerable.Repeat("Yes", 20), .. Enumerable.Repeat("No", 5), .. Enumerable.Repeat("Yes", 10), .. Enumerable.Repeat("No", 15)];

        var result = CohensKappa.Compute(a, b);

        Assert.Equal(70.0, result.PercentAgreement!.Value, 12);
        Assert.Equal(0.5, result.ExpectedAgreement!.Value, 15);
        Assert.Equal(0.4, result.Kappa!.Value, 15);
        Assert.Equal(Math.Sqrt(0.016128), result.StandardError!.Value, 14);
        Assert.Equal(Math.Sqrt(0.0192), result.StandardErrorNull!.Value, 14);
        Assert.Equal(0.4 / Math.Sqrt(0.0192), result.Z!.Value, 12);
    }

    [Fact]
    public void Compute_SwappingCoders_KeepsKappaAndTransposesTable()
    {
        string?[] a = ["X", "Y", "Y", "Z", "X", null, "Y"];
        string?[] b = ["X", "Y", "Z", "Z", "Y", "X", "Y"];

        var ab = CohensKappa.Compute(a, b);
        var ba = CohensKappa.Compute(b, a);

        Assert.Equal(ab.Kappa!.Value, ba.Kappa!.Value, 15);
        Assert.Equal(ab.StandardError!.Value, ba.StandardError!.Value, 15);
        Assert.Equal(ab.Confusion[0][1], ba.Confusion[1][0]);
        Assert.Equal(1, ab.Excluded);
    }

    [Fact]
    public void Compute_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => CohensKappa.Compute(["A", "B"], ["A"]));
    }

    [Fact]
    public void Compute_CodeMissingFromCategories_Throws()
    {
        Assert.Throws<ArgumentException>(() => CohensKappa.Compute(["A", "B"], ["A", "C"], ["A", "B"]));
    }

    [Fact]
    public void Compute_DuplicateCategories_Throws()
    {
        Assert.Throws<ArgumentException>(() => CohensKappa.Compute(["A"], ["A"], ["A", "A"]));
    }

    private static string?[] Codes(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetString())];
}
