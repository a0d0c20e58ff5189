using System.Diagnostics;

namespace Weerbaar.Web.Features.Operations;

/// <summary>
/// The app's own trace sources. Span attributes carry ids and kinds only: never an address, a subject, a name or a token.
/// </summary>
public static class WeerbaarActivities
{
    public const string EmailSourceName = "Weerbaar.Email";
    public const string JobsSourceName = "Weerbaar.Jobs";

    public static readonly ActivitySource Email = new(EmailSourceName);
    public static readonly ActivitySource Jobs = new(JobsSourceName);
}
