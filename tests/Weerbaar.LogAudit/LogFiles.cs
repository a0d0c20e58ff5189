namespace Weerbaar.LogAudit;

/// <summary>The log files the test hosts wrote (TestResults/logs/ under the repository root) and the repository itself.</summary>
public static class LogFiles
{
    public static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Weerbaar.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Weerbaar.slnx niet gevonden boven " + AppContext.BaseDirectory);
    }

    public static string Directory => Path.Combine(RepoRoot(), "TestResults", "logs");

    /// <summary>Every *.log file; fails when there is none (the other test projects have not run).</summary>
    public static IReadOnlyList<string> All()
    {
        var files = System.IO.Directory.Exists(Directory) ? System.IO.Directory.GetFiles(Directory, "*.log") : [];
        Assert.True(files.Length > 0, $"run ./test.sh: no logs (no *.log files in {Directory}; the Web.Tests and E2E hosts write them)");
        return files.Order(StringComparer.Ordinal).ToList();
    }
}
