using System.Reflection;

namespace Weerbaar.E2E.Infrastructure;

/// <summary>&lt;repo root&gt;/TestResults/e2e-screenshots, next to the results ./test.sh collects.</summary>
public static class ScreenshotFolder
{
    private static readonly Lazy<string> LazyPath = new(Create);

    public static string Path => LazyPath.Value;

    public static string For(string test, string page) => System.IO.Path.Combine(Path, $"{Clean(test)}-{Clean(page)}.png");

    private static string Create()
    {
        var path = System.IO.Path.Combine(RepositoryRoot(), "TestResults", "e2e-screenshots");
        Directory.CreateDirectory(path);
        return path;
    }

    public static string RepositoryRoot()
    {
        // The build output normally lies inside the repository; with --artifacts-path it does not, and the
        // source folder recorded at build time leads there instead.
        var sourceDirectory = typeof(ScreenshotFolder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SourceDirectory")?.Value;
        string?[] starts = [AppContext.BaseDirectory, sourceDirectory];
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Weerbaar.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException($"Weerbaar.slnx niet gevonden boven {AppContext.BaseDirectory} of {sourceDirectory}.");
    }

    private static string Clean(string name)
        => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
}
