using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Operations;

/// <summary>Weerbaar:Logging:Format=json: the console writes one parseable JSON object per line, UTC, with scopes.</summary>
[Collection(SqliteCollection.Name)]
public sealed class LogFormatTests(SqliteAppFixture fixture)
{
    [Fact]
    public async Task Json_format_writes_parseable_json_lines_with_utc_timestamps_and_scopes()
    {
        await using var app = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Weerbaar:Logging:Format", "json"));
        var options = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Json, options.FormatterName);
        var formatter = app.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);

        var scopes = new LoggerExternalScopeProvider();
        using var scope = scopes.Push(new Dictionary<string, object> { ["JobId"] = 42 });
        using var output = new StringWriter();
        var state = new[] { new KeyValuePair<string, object?>("Id", 7), new KeyValuePair<string, object?>("{OriginalFormat}", "E-mail {Id} verzonden") };
        formatter.Write(new LogEntry<KeyValuePair<string, object?>[]>(LogLevel.Information, "Weerbaar.Test", new EventId(1), state, null, (_, _) => "E-mail 7 verzonden"), scopes, output);
        formatter.Write(new LogEntry<KeyValuePair<string, object?>[]>(LogLevel.Warning, "Weerbaar.Test", new EventId(2), state, null, (_, _) => "tweede regel"), scopes, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("E-mail 7 verzonden", root.GetProperty("Message").GetString());
        Assert.Equal("Information", root.GetProperty("LogLevel").GetString());
        Assert.Equal(7, root.GetProperty("State").GetProperty("Id").GetInt32());
        Assert.EndsWith("Z", root.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
        Assert.Equal(42, root.GetProperty("Scopes")[0].GetProperty("JobId").GetInt32());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("Warning", second.RootElement.GetProperty("LogLevel").GetString());
    }

    [Fact]
    public void Default_format_stays_the_simple_console()
    {
        var options = fixture.Factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.NotEqual(ConsoleFormatterNames.Json, options.FormatterName);
    }
}
