namespace Weerbaar.Web.Features.Locations;

public static class LocationsSetup
{
    public static IServiceCollection AddLocations(this IServiceCollection services) => services
        .AddScoped<VulnerableLocationRegister>()
        .AddScoped<NoodsteunpuntRegister>();

    public static IEndpointRouteBuilder MapLocations(this IEndpointRouteBuilder app) => app
        .MapVulnerableLocationsEndpoints()
        .MapNoodsteunpuntenEndpoints();
}
