using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Rectify.Api.OpenApi;

/// <summary>
/// The <c>OpenApi</c> section: whom integrators reach, and the terms the service is offered under, as the document's
/// <c>info.contact</c> and <c>info.license</c>. The office that runs the service sets them (OpenApi__ContactEmail=…).
/// </summary>
public sealed class DocumentInfoOptions
{
    public const string Section = "OpenApi";

    public string ContactName { get; set; } = "Rectify operators 系统运维";

    public string? ContactEmail { get; set; }

    public Uri? ContactUrl { get; set; }

    /// <summary>The repository carries no licence, so all rights are reserved until its owner grants one.</summary>
    public string LicenseName { get; set; } = "No licence granted (all rights reserved)";

    public Uri LicenseUrl { get; set; } = new("https://choosealicense.com/no-permission/");
}

internal sealed class DocumentInfoFilter(IOptions<DocumentInfoOptions> options) : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var info = options.Value;
        document.Info.Contact = new OpenApiContact { Name = info.ContactName, Email = info.ContactEmail, Url = info.ContactUrl };
        document.Info.License = new OpenApiLicense { Name = info.LicenseName, Url = info.LicenseUrl };
    }
}
