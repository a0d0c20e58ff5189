using System.Text;
using Microsoft.Extensions.Logging;

namespace Weerbaar.Web.Tests.Infrastructure;

/// <summary>
/// Writes every log line of the test hosts in this process (message, structured state values, scopes, exception text)
/// to one file under &lt;repo&gt;/TestResults/logs/, for tests/Weerbaar.LogAudit to search for personal data and tokens.
/// Shared by the Web.Tests and E2E hosts (the E2E project links this file).
/// </summary>
public sealed class TestLogFile : ILoggerProvider, ISupportExternalScope
{
    public static TestLogFile Instance { get; } = new();

    private readonly Lock _gate = new();
    private readonly StreamWriter _writer;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public string Path { get; }

    private TestLogFile()
    {
        var dir = System.IO.Path.Combine(RepoRoot(), "TestResults", "logs");
        Directory.CreateDirectory(dir);
        var name = typeof(TestLogFile).Assembly.GetName().Name ?? "tests";
        Path = System.IO.Path.Combine(dir, $"{Sanitize(name)}-{Environment.ProcessId}.log");
        _writer = new StreamWriter(new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false)) { AutoFlush = true };
    }

    private static string Sanitize(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));

    /// <summary>The folder with Weerbaar.slnx above the test binaries.</summary>
    public static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Weerbaar.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        return System.IO.Path.GetTempPath();
    }

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    // One instance for the whole process: several hosts log into it, none of them closes it.
    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    private sealed class FileLogger(TestLogFile file, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => file._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder()
                .Append(DateTimeOffset.UtcNow.ToString("O")).Append(' ').Append(logLevel).Append(' ').Append(category)
                .Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                line.Append(" | state:");
                foreach (var (key, value) in values.Where(v => v.Key != "{OriginalFormat}"))
                {
                    line.Append(' ').Append(key).Append('=').Append(value);
                }
            }
            file._scopes.ForEachScope((scope, sb) => sb.Append(" | scope: ").Append(scope), line);
            if (exception is not null)
            {
                line.AppendLine().Append(exception);
            }
            file.Write(line.ToString());
        }
    }
}
