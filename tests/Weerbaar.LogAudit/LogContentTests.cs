namespace Weerbaar.LogAudit;

/// <summary>
/// Reads the log files the test hosts of Weerbaar.Web.Tests and Weerbaar.E2E wrote (every line at Debug and above) and
/// fails, naming file and line, on anything that must not be logged. ./test.sh runs this project after those.
/// </summary>
public sealed class LogContentTests
{
    public static TheoryData<string> Rules => new(LeakRules.All.Select(r => r.Name));

    [Theory]
    [MemberData(nameof(Rules))]
    public void No_log_line_contains(string rule)
    {
        var find = LeakRules.Named(rule).Find;
        var findings = new List<string>();
        var lines = 0;
        foreach (var file in LogFiles.All())
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                lines++;
                if (find(line) is { } hit)
                {
                    findings.Add($"{Path.GetFileName(file)}:{number}: {rule} '{hit}' in: {Shorten(line)}");
                }
            }
        }
        Assert.True(lines > 0, "run ./test.sh: no logs (the log files are empty)");
        Assert.True(findings.Count == 0, $"{findings.Count} regel(s) met {rule}:\n" + string.Join("\n", findings.Take(40)));
    }

    [Fact]
    public void The_test_passwords_are_known()
    {
        Assert.Contains("Test-wachtwoord-123", LeakRules.TestPasswords.Value);
        Assert.Contains("E2e-wachtwoord-beheer-1", LeakRules.TestPasswords.Value);
    }

    private static string Shorten(string line) => line.Length > 300 ? line[..300] + "…" : line;
}

/// <summary>The rules on lines written for the purpose: each catches its leak and passes the cleaned form.</summary>
public sealed class LeakRuleTests
{
    [Theory]
    [InlineData("e-mailadres", "Uitnodiging voor jan.jansen@gemeente.nl verstuurd", "Uitnodiging voor ***@gemeente.nl verstuurd")]
    [InlineData("JWT", "Authorization: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc", "Authorization: [verborgen]")]
    [InlineData("token in pad", "Request starting HTTP/1.1 GET http://localhost/scan/Abc123xyz/deel/2", "Executing endpoint 'HTTP: GET /scan/{Token}/deel/{Part:int}'")]
    [InlineData("token in pad", "PUT /api/v1/invitations/Q2xvc2VkLXRva2Vu/response/parts/1", "PUT /api/v1/invitations/{token}/response/parts/1")]
    [InlineData("token in pad", "GET /scan/Q2xvc2VkLXRva2Vu", "Executing endpoint 'HTTP: POST /api/v1/rounds/{id:guid}/invitations/import'")]
    [InlineData("wachtwoord met waarde", "login met password=Geheim-1", "login met password=?")]
    [InlineData("wachtwoord met waarde", "{\"wachtwoord\":\"Geheim-1\"}", "kolom PasswordHash gewijzigd")]
    [InlineData("wachtwoord van de tests", "ingelogd met Test-wachtwoord-123", "ingelogd als beheerder")]
    public void A_rule_finds_its_leak_and_passes_the_clean_line(string rule, string leaking, string clean)
    {
        var find = LeakRules.Named(rule).Find;
        Assert.NotNull(find(leaking));
        Assert.Null(find(clean));
    }
}
