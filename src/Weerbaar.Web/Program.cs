using System.Threading.RateLimiting;
using Weerbaar.Web.Components;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Afweging;
using Weerbaar.Web.Features.Allocation;
using Weerbaar.Web.Features.Coverage;
using Weerbaar.Web.Features.CrisisKit;
using Weerbaar.Web.Features.CrisisKit.Archive;
using Weerbaar.Web.Features.CrisisKit.Contacts;
using Weerbaar.Web.Features.CrisisKit.Custody;
using Weerbaar.Web.Features.Email;
using Weerbaar.Web.Features.Foto;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Health;
using Weerbaar.Web.Features.Help;
using Weerbaar.Web.Features.Jobs;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Operations;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Features.Programme.Exports;
using Weerbaar.Web.Features.Programme.Planning;
using Weerbaar.Web.Features.Programme.Tracking;
using Weerbaar.Web.Features.Scan;
using Weerbaar.Web.Features.Scan.Respond;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Features.Scenarios;
using Weerbaar.Web.Features.SelfReliance;
using Weerbaar.Web.Features.Siting;
using Weerbaar.Web.Features.Vulnerability;
using Weerbaar.Web.Shared;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;
var config = builder.Configuration;

services.AddSingleton(TimeProvider.System);
services.AddHttpContextAccessor();
services.AddWeerbaarDatabase(config, builder.Environment);
services.AddSingleton<GemeentePageCache>();
services.AddScoped<BuurtGeometryStore>();
services.AddScoped<BuurtLocations>();
services.AddSingleton<ReferenceData>();
services.AddScoped<TenantScopeAccessor>();

services.AddWeerbaarDataProtection(config, builder.Environment);

services.AddWeerbaarAuthentication(config);
services.AddAuthorizationBuilder().AddWeerbaarPolicies();
services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, GemeenteAccessHandler>();
services.AddScoped<UserAdministration>();
services.Configure<AccountOptions>(config.GetSection(AccountOptions.Section));
services.Configure<EmailOptions>(config.GetSection(EmailOptions.Section));
services.AddHostedService<OutboxWorker>();
services.AddJobs(config);
services.AddScan();
services.AddSelfReliance();
services.AddVulnerability();
services.AddLocations();
services.AddCoverage();
services.AddAllocation();
services.AddSiting();
services.AddFoto();
services.AddScenarios();
services.AddRiskAssessments();
services.AddAfweging();
services.AddProgramme();
services.AddProgrammePlanning();
services.AddProgrammeExports();
services.AddProgrammeTracking(config);
services.AddCrisisKit();
services.AddCrisisKitCustody();
services.AddCrisisKitArchives();
services.AddDecisionRecords();
services.AddCrisisContacts();

services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.AddPolicy(AuthEndpoints.LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
        http.Connection.RemoteIpAddress?.ToString() ?? "local",
        _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = config.GetValue($"{AccountOptions.Section}:LoginRequestsPerMinute", 30),
            Window = TimeSpan.FromMinutes(1),
        }));
    o.AddPolicy(RespondentEndpoints.RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
        http.Connection.RemoteIpAddress?.ToString() ?? "local",
        _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = config.GetValue("Weerbaar:Scan:RespondentRequestsPerMinute", 600),
            Window = TimeSpan.FromMinutes(1),
        }));
});
services.AddCors(o => o.AddPolicy(OpenApiSetup.AnyOrigin, p => p.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET")));
services.AddWeerbaarProblemDetails();
services.AddWeerbaarOpenApi();
services.AddWeerbaarHealthChecks();
builder.AddWeerbaarTelemetry();
services.AddRazorComponents();
services.AddCascadingAuthenticationState();

var app = builder.Build();

await StartupInitializer.InitializeAsync(app.Services);

app.UseWeerbaarErrorHandling();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseSecurityHeaders();
app.UseApiVersionHeader();
app.UseRouting();
app.UseCors();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UsePartFormFastPath();

app.MapStaticAssets().AllowAnonymous();
app.MapWeerbaarHealth();
app.MapWeerbaarMetrics(config);
app.MapWeerbaarOpenApi();
app.MapAuthEndpoints();
app.MapExternalLoginEndpoints(config);
app.MapUsersEndpoints();
app.MapGemeentenEndpoints();
app.MapSelfRelianceEndpoints();
app.MapFotoEndpoints();
app.MapBuurtGeometryEndpoints();
app.MapScan();
app.MapVulnerability();
app.MapLocations();
app.MapCoverageEndpoints();
app.MapPriorityEndpoints();
app.MapAllocationEndpoints();
app.MapSiting();
app.MapScenarioEndpoints();
app.MapRiskAssessmentEndpoints();
app.MapDecisionRecordEndpoints();
app.MapProgrammeEndpoints();
app.MapProgrammePlanningEndpoints();
app.MapCrisisKitEndpoints();
app.MapCrisisKitArchiveEndpoints();
app.MapProgrammeExportEndpoints();
app.MapProgrammeTrackingEndpoints();
app.MapCrisisContactEndpoints();
app.MapJobsEndpoints();
app.MapHelpEndpoints();
app.MapRazorComponents<App>();

app.Run();

/// <summary>Entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
