using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Accounts;

public sealed record UserDto(string Id, string Email, string DisplayName, string? Role, string? Gemeentecode, string? VeiligheidsregioCode, bool IsActive);

public sealed record InvitationDto(Guid Id, string Email, string DisplayName, string Role, string? Gemeentecode, string? VeiligheidsregioCode, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);

public sealed record UserPatch(string? Role, string? Gemeentecode, string? VeiligheidsregioCode, bool? IsActive);

public static class UsersEndpoints
{
    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(ApiConventions.BasePath + "/users").WithTags("Gebruikers").RequireAuthorization(Policies.Beheer);

        admin.MapGet("", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await UserQueries.ListAsync(db, null, ct)))
            .WithName("ListUsers").WithSummary("Alle gebruikers met hun rol.");

        admin.MapPost("/invitations", async Task<Results<Created<InvitationDto>, ProblemHttpResult>> (
            InviteRequest request, UserAdministration admin, HttpContext http, CancellationToken ct) =>
        {
            var result = await admin.InviteAsync(request, http.User.NameOrUnknown(), BaseUrl(http), ct);
            if (!result.Succeeded)
            {
                return Validation(result.Errors);
            }
            var i = result.Invitation!;
            return TypedResults.Created($"{ApiConventions.BasePath}/users/invitations/{i.Id}", UserQueries.ToDto(i));
        })
        .WithName("InviteUser").WithSummary("Nodig een gebruiker uit; de eenmalige link gaat per e-mail.")
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapPatch("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (
            string id, UserPatch patch, UserAdministration admin, ClaimsPrincipal user) =>
        {
            var acting = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            var errors = new List<FieldError>();
            if (patch.Role is not null)
            {
                errors.AddRange(await admin.ChangeRoleAsync(id, patch.Role, patch.Gemeentecode, patch.VeiligheidsregioCode, acting));
            }
            if (errors.Count == 0 && patch.IsActive is { } active)
            {
                errors.AddRange(await admin.SetActiveAsync(id, active, acting));
            }
            if (errors.Any(e => e.Field == "id" && e.Message.Contains("bestaat niet", StringComparison.Ordinal)))
            {
                return ApiConventions.Problem(StatusCodes.Status404NotFound, "Deze gebruiker bestaat niet.");
            }
            return errors.Count > 0 ? Validation(errors) : TypedResults.NoContent();
        })
        .WithName("UpdateUser").WithSummary("Wijzig de rol van een gebruiker of (de)activeer het account.")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        app.MapGet(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/users", async (string gemeentecode, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await UserQueries.ListAsync(db, gemeentecode.ToUpperInvariant(), ct)))
            .WithTags("Gebruikers").RequireAuthorization(Policies.GemeenteLezen)
            .WithName("ListGemeenteUsers").WithSummary("De gebruikers die bij deze gemeente horen.");

        return app;
    }

    public static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static ProblemHttpResult Validation(IEnumerable<FieldError> errors) => TypedResults.Problem(ApiConventions.ValidationProblem(
        "Niet alle gegevens zijn geldig; er is niets gewijzigd.",
        new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { field = e.Field, message = e.Message }).ToList() }));
}

public static class UserQueries
{
    public static async Task<List<UserDto>> ListAsync(AppDbContext db, string? gemeente, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        if (gemeente is not null)
        {
            users = users.Where(u => u.GemeenteCode == gemeente);
        }
        var rows = await (from u in users
                          join ur in db.UserRoles on u.Id equals ur.UserId into urs
                          from ur in urs.DefaultIfEmpty()
                          join r in db.Roles on ur.RoleId equals r.Id into rs
                          from r in rs.DefaultIfEmpty()
                          orderby u.DisplayName
                          select new UserDto(u.Id, u.Email!, u.DisplayName, r.Name, u.GemeenteCode, u.VeiligheidsregioCode, u.IsActive))
            .ToListAsync(ct);
        return rows;
    }

    public static InvitationDto ToDto(UserInvitation i) => new(i.Id, i.Email, i.DisplayName, i.Role,
        i.GemeenteCode.Length > 0 ? i.GemeenteCode : null, i.VeiligheidsregioCode, i.ExpiresAt, i.UsedAt);
}
