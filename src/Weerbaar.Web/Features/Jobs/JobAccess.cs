using System.Security.Claims;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Jobs;

/// <summary>
/// Who may see and cancel a job. A gemeente's job follows the gemeente's data (read: its users, its region and the
/// national roles; cancel: whoever may edit the gemeente). A national job (no gemeente) is read by the national roles
/// and cancelled by the beheerder or by whoever asked for it.
/// </summary>
public static class JobAccess
{
    /// <summary>The roles that can cancel any job at all (the cancel endpoint refuses the others with 403).</summary>
    public static readonly string[] CancellingRoles = [Roles.Beheerder, Roles.Onderzoeker, Roles.Coordinator];

    public static bool CanRead(TenantScope scope, BackgroundJob job)
        => job.GemeenteCode is { } code ? scope.CanRead(code) : scope.AllGemeenten;

    public static bool CanCancel(TenantScope scope, ClaimsPrincipal user, BackgroundJob job)
        => job.GemeenteCode is { } code
            ? scope.CanEdit(code)
            : scope.AllGemeenten && (user.IsInRole(Roles.Beheerder) || string.Equals(user.Identity?.Name, job.RequestedBy, StringComparison.OrdinalIgnoreCase));
}
