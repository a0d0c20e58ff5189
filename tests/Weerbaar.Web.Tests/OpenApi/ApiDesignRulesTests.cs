using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.OpenApi;

/// <summary>
/// The OpenAPI document against the NL API Design Rules: the official Spectral ruleset (copied into
/// OpenApi/nl-api-design-rules, CC BY 4.0) must report no errors, and the document must match the running API.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ApiDesignRulesTests(SqliteAppFixture fixture)
{
    private const string DocumentUrl = "/api/v1/openapi.json";
    private const string VersionHeader = "API-Version";
    private const string ServerUrl = "/api/v1";
    private static readonly TimeSpan SpectralTimeout = TimeSpan.FromMinutes(2);
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private WeerbaarFactory App => fixture.Factory;

    [Fact]
    public async Task Document_is_served_anonymously_under_the_base_path_with_cors_and_api_version()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, DocumentUrl);
        request.Headers.Add("Origin", "https://ontwikkelaar.example.nl");
        var response = await App.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("1.0.0", Assert.Single(response.Headers.GetValues(VersionHeader)));
    }

    [Fact]
    public async Task Document_passes_the_nl_api_design_rules_linter_without_errors()
    {
        var spectral = FindSpectral();
        var ruleset = Path.Combine(AppContext.BaseDirectory, "OpenApi", "nl-api-design-rules", "linter.yaml");
        Assert.True(File.Exists(ruleset), $"De ruleset ontbreekt in de testuitvoer: {ruleset}.");

        var directory = Directory.CreateTempSubdirectory("weerbaar-openapi-");
        try
        {
            var document = Path.Combine(directory.FullName, "openapi.json");
            var results = Path.Combine(directory.FullName, "spectral.json");
            await File.WriteAllTextAsync(document, await GetDocumentTextAsync(DocumentUrl));

            var (exitCode, output) = await RunAsync(spectral, ["lint", "-r", ruleset, "-f", "json", "-o", results, document]);
            // Exit code 0: no errors, 1: errors found; anything else (2) means Spectral itself failed.
            Assert.True(exitCode is 0 or 1 && File.Exists(results), $"Spectral ({spectral}) faalde met exitcode {exitCode}:\n{output}");

            var errors = JsonNode.Parse(await File.ReadAllTextAsync(results))!.AsArray()
                .Where(r => r!["severity"]!.GetValue<int>() == 0)
                .Select(r => $"{r!["code"]} bij {string.Join('.', r["path"]!.AsArray().Select(p => p!.ToString()))}: {r["message"]}")
                .ToList();
            Assert.True(errors.Count == 0,
                $"{errors.Count} fout(en) van de NL API Design Rules-linter in {DocumentUrl}:\n" + string.Join('\n', errors));
            Assert.Equal(0, exitCode);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Every_success_response_declares_the_api_version_header()
    {
        var document = await GetDocumentAsync(DocumentUrl);
        var missing = new List<string>();
        var successes = 0;
        foreach (var (path, method, operation) in Operations(document))
        {
            foreach (var (code, response) in operation["responses"]!.AsObject())
            {
                if (!code.StartsWith('2'))
                {
                    continue;
                }
                successes++;
                var header = response!["headers"]?[VersionHeader];
                if (header is null)
                {
                    missing.Add($"{method.ToUpperInvariant()} {path} {code}");
                }
            }
        }
        Assert.True(successes > 0, "Het document heeft geen 2xx-antwoorden.");
        Assert.True(missing.Count == 0, $"Zonder header {VersionHeader}: " + string.Join(", ", missing));
        var declared = document["components"]?["headers"]?[VersionHeader];
        Assert.NotNull(declared);
        Assert.Equal("string", declared["schema"]?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task Both_document_urls_serve_the_same_document()
    {
        var underBasePath = await GetDocumentTextAsync(DocumentUrl);
        var byName = await GetDocumentTextAsync("/openapi/v1.json");
        Assert.Equal(underBasePath, byName);
    }

    [Fact]
    public async Task Server_url_plus_each_path_is_a_real_endpoint()
    {
        var document = await GetDocumentAsync(DocumentUrl);
        var server = Assert.Single(document["servers"]!.AsArray())!["url"]!.GetValue<string>();
        Assert.Equal(ServerUrl, server);

        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                $"{m.ToUpperInvariant()} /{WithoutConstraints(e.RoutePattern.RawText?.Trim('/'))}"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var operations = Operations(document).Select(o => $"{o.Method.ToUpperInvariant()} {server}{o.Path}").ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, o => Assert.Contains(o, routes));
    }

    [Fact]
    public async Task Declared_error_responses_are_problem_json_with_api_version_in_practice()
    {
        var document = await GetDocumentAsync(DocumentUrl);
        var anonymous = App.Anonymous();
        var lezer = await App.UserAsync(Roles.Lezer, "GM0344");
        var admin = await App.AdminAsync();
        using var badJson = new StringContent("{kapot", Encoding.UTF8, "application/json");
        var cases = new (string Path, string Method, HttpStatusCode Status, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("/auth/refresh", "post", HttpStatusCode.BadRequest, () => anonymous.PostAsync("/api/v1/auth/refresh", badJson)),
            ("/users", "get", HttpStatusCode.Unauthorized, () => anonymous.GetAsync("/api/v1/users")),
            ("/users", "get", HttpStatusCode.Forbidden, () => lezer.GetAsync("/api/v1/users")),
            ("/gemeenten/{gemeentecode}", "get", HttpStatusCode.NotFound, () => admin.GetAsync("/api/v1/gemeenten/GM0000")),
        };
        foreach (var (path, method, status, send) in cases)
        {
            var code = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var declared = document["paths"]?[path]?[method]?["responses"]?[code];
            Assert.True(declared?["content"]?["application/problem+json"] is not null, $"{method.ToUpperInvariant()} {path} declareert geen {code} als problem+json.");

            var response = await send();
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("1.0.0", Assert.Single(response.Headers.GetValues(VersionHeader)));
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal((int)status, problem["status"]!.GetValue<int>());
            Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        }
    }

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (Methods.Contains(method))
                {
                    yield return (path, method, operation!);
                }
            }
        }
    }

    private async Task<string> GetDocumentTextAsync(string url)
    {
        var response = await App.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonNode> GetDocumentAsync(string url) => JsonNode.Parse(await GetDocumentTextAsync(url))!;

    /// <summary>WEERBAAR_SPECTRAL, or where test.sh installs it. Missing is a failure, never a skip.</summary>
    private static string FindSpectral()
    {
        var configured = Environment.GetEnvironmentVariable("WEERBAAR_SPECTRAL");
        var path = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "weerbaar", "spectral", "node_modules", ".bin", "spectral")
            : configured;
        Assert.True(File.Exists(path),
            $"Spectral CLI niet gevonden op {path}. Draai ./test.sh (installeert het), of: "
            + "npm install --prefix \"$HOME/.cache/weerbaar/spectral\" @stoplight/spectral-cli@6.16.3, "
            + "of zet WEERBAAR_SPECTRAL op het pad van een spectral-binary.");
        return path;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Kon {fileName} niet starten.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(SpectralTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} liep langer dan {SpectralTimeout.TotalSeconds:0} s.");
        }
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>"{id:guid}" in a route is "{id}" in the document.</summary>
    private static string WithoutConstraints(string? pattern) => System.Text.RegularExpressions.Regex.Replace(pattern ?? "", "\\{([^}:?]+)[^}]*\\}", "{$1}");
}
