namespace Weerbaar.Web.Features.Programme;

public static class ProgrammeServices
{
    public static IServiceCollection AddProgramme(this IServiceCollection services)
    {
        services.AddSingleton(_ => MeasuresCatalogue.LoadNewest());
        return services.AddScoped<ProgrammeReader>().AddScoped<ProgrammeActionStore>().AddScoped<ProgrammeSettingsStore>().AddScoped<ProgrammeGaps>();
    }
}
