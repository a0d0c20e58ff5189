namespace Weerbaar.Web.Tests.Operations;

/// <summary>The operations guide quotes the backup commands the restore tests run, and the files it names exist.</summary>
public sealed class OperationsDocTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Weerbaar.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Weerbaar.slnx niet gevonden boven " + AppContext.BaseDirectory);
    }

    [Fact]
    public void The_guide_quotes_every_tested_backup_command()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), BackupCommands.Document));
        var missing = BackupCommands.All.Where(c => !text.Contains(c, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"{BackupCommands.Document} does not quote: " + string.Join(" | ", missing));
    }

    [Fact]
    public void Every_bench_result_the_guide_quotes_exists()
    {
        var root = RepositoryRoot();
        var text = File.ReadAllText(Path.Combine(root, BackupCommands.Document));
        var quoted = System.Text.RegularExpressions.Regex.Matches(text, @"bench/results/[\w.-]+\.md").Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(quoted);
        Assert.All(quoted, path => Assert.True(File.Exists(Path.Combine(root, path)), $"{path} does not exist"));
    }
}
