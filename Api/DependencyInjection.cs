using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Rectify.Api.Auth;
using Rectify.Api.Endpoints;
using Rectify.Api.ErrorHandling;
using Rectify.Api.Http;
using Rectify.Api.OpenApi;
using Rectify.Application.Common;
using Rectify.Application.Common.Behaviors;
using Rectify.Application.Units;
using Rectify.Infrastructure.Persistence;

namespace Rectify.Api;

public static class DependencyInjection
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddMediator((MediatorOptions options) =>
        {
            options.Namespace = "Rectify.Api.Mediator";
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(CreateUnitCommand)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(TransactionBehavior<,>),
            ];
        });
        services.AddValidatorsFromAssemblyContaining<CreateUnitValidator>(includeInternalTypes: true);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, expression) =>
        {
            // A PATCH field's rule reads Optional<T>.Value: the field a message names is the member holding it.
            if (member?.DeclaringType is { } declaring && OptionalMembers.ValueType(declaring) is not null &&
                expression is LambdaExpression { Body: MemberExpression { Expression: MemberExpression holder } })
                member = holder.Member;
            return member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        };

        services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => ConfigureJson(options.JsonSerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
            options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            if (context.ProblemDetails.Status == StatusCodes.Status428PreconditionRequired)
                context.ProblemDetails.Type ??= "https://www.rfc-editor.org/rfc/rfc6585#section-3";
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddSingleton<RunningKeys>();

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentClient, HttpCurrentClient>();
        services.AddSingleton<AuthenticatedClients>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddScopePolicies();
        services.AddRateLimits();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        services.AddRectifySwagger();
        return services;
    }

    public static void ConfigureJson(JsonSerializerOptions options) => ApiJson.Configure(options);
}
