using System.ComponentModel.DataAnnotations;

namespace Weerbaar.Web.Shared.Api;

/// <summary>
/// The contact in the OpenAPI document (API Design Rules /core/doc-openapi-contact: name, e-mail and URL are required).
/// Each deployment sets its own in Weerbaar:Api:Contact; the defaults point to the project.
/// </summary>
public sealed class ApiContactOptions
{
    public const string Section = "Weerbaar:Api:Contact";

    [Required]
    public string Name { get; set; } = "Weerbaar";

    /// <summary>Placeholder address; set a monitored mailbox per deployment.</summary>
    [Required, EmailAddress]
    public string Email { get; set; } = "api@weerbaar.local";

    [Required]
    public Uri Url { get; set; } = new("https://github.com/weerbaar/weerbaar");
}
