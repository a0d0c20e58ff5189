using System.Text.RegularExpressions;

namespace Weerbaar.LogAudit;

/// <summary>What must never be in a log line: personal data, credentials and the tokens that are credentials.</summary>
public static partial class LeakRules
{
    public sealed record Rule(string Name, Func<string, string?> Find);

    public static IReadOnlyList<Rule> All { get; } =
    [
        new("e-mailadres", line => EmailAddress().Match(line) is { Success: true } m ? m.Value : null),
        new("JWT", line => Jwt().Match(line) is { Success: true } m ? m.Value : null),
        new("token in pad", line => TokenPath().Match(line) is { Success: true } m ? m.Value : null),
        new("wachtwoord met waarde", line => PasswordValue().Match(line) is { Success: true } m ? m.Value : null),
        new("wachtwoord van de tests", line => TestPasswords!.Value.FirstOrDefault(p => line.Contains(p, StringComparison.Ordinal))),
    ];

    public static Rule Named(string name) => All.Single(r => r.Name == name);

    [GeneratedRegex("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    [GeneratedRegex("eyJ[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.")]
    private static partial Regex Jwt();

    // A path segment after /scan/, /invitations/ or /uitnodiging/ that is not a route placeholder ({token}). Case-sensitive:
    // the routes are lower case, source paths in stack traces (…/Features/Scan/Respond/…) are not.
    [GeneratedRegex("/(scan|invitations|uitnodiging)/(?!\\{|(import|export)\\b)[^/\\s?#\"'<>]+")]
    private static partial Regex TokenPath();

    // "password: x", "wachtwoord=x", "\"password\":\"x\"": a value that is not masked ('?', '*', empty, a placeholder).
    [GeneratedRegex("\\b(password|wachtwoord)\\b\"?\\s*[:=]\\s*\"?(?![\\s\"'?*{,;)\\]]|$)\\S+", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordValue();

    /// <summary>The passwords the test infrastructure signs in with, read from its sources.</summary>
    public static readonly Lazy<IReadOnlyList<string>> TestPasswords = new(() =>
    {
        var root = LogFiles.RepoRoot();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in Directory.GetDirectories(Path.Combine(root, "tests")))
        {
            foreach (var folder in new[] { "Infrastructure", "Fixtures" })
            {
                var dir = Path.Combine(project, folder);
                if (!Directory.Exists(dir))
                {
                    continue;
                }
                foreach (var file in Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories))
                {
                    var text = File.ReadAllText(file);
                    foreach (Match m in PasswordLiteral().Matches(text))
                    {
                        found.Add(m.Groups["value"].Value);
                    }
                }
            }
        }
        return found.Where(p => p.Length >= 8 && !p.Contains(':', StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    });

    // const string AdminPassword = "…"; password = "…"; or any literal shaped like the tests' passwords ("E2e-wachtwoord-…").
    [GeneratedRegex("(?:[Pp]assword\\w*\\s*=\\s*\"(?<value>[^\"]+)\")|(?:\"(?<value>[^\"\\s]*-wachtwoord-[^\"\\s]*)\")")]
    private static partial Regex PasswordLiteral();
}
