using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Rectify.Api.Http;
using Rectify.Application.Common.Errors;
using Rectify.Application.Ledger;
using Rectify.Domain.Common;

namespace Rectify.Api.ErrorHandling;

/// <summary>Turns the closed set of errors into RFC 9457 problem details; anything else is a bare 500.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException e => Validation(e),
            BadHttpRequestException e => BadRequest(e),
            NotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found", e.Message),
            ForbiddenException e => Forbidden(e),
            ConflictException e => Problem(StatusCodes.Status409Conflict, "Conflict", e.Message),
            DomainRuleException e => Rule(e),
            LedgerImportException e => LedgerErrors(e),
            StaleVersionException e => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", e.Message),
            PreconditionRequiredException e => Problem(StatusCodes.Status428PreconditionRequired, "Precondition required", e.Message),
            InvalidHeaderException e => InvalidHeader(e),
            IdempotencyKeyReusedException e => Idempotency(StatusCodes.Status422UnprocessableEntity,
                "Idempotency-Key reused for a different request", e.Message),
            IdempotencyKeyInUseException e => Idempotency(StatusCodes.Status409Conflict,
                "A request with this Idempotency-Key is still in progress", e.Message),
            _ => null,
        };
        if (exception is IdempotencyKeyInUseException)
            httpContext.Response.Headers.RetryAfter = "1";
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "Internal server error",
                "The server failed to handle the request; it has been logged.");
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails Idempotency(int status, string title, string detail)
    {
        var problem = Problem(status, title, detail);
        problem.Type = IdempotencyKeys.ProblemType;
        return problem;
    }

    /// <summary>Keyed by the header's own name (<c>Idempotency-Key</c>), not camel-cased like a body field.</summary>
    private static ValidationProblemDetails InvalidHeader(InvalidHeaderException exception) =>
        new(new Dictionary<string, string[]> { [exception.Header] = [exception.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields",
            Detail = exception.Message,
        };

    private static ValidationProblemDetails Validation(ValidationException exception)
    {
        var errors = exception.Errors
            .GroupBy(e => FieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields",
            Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")),
        };
    }

    /// <summary>Malformed JSON, a wrong enum word or date format, a body too large, a wrong content type.</summary>
    private static ProblemDetails BadRequest(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException { Path: { Length: > 1 } path })
        {
            var field = FieldName(path.TrimStart('$', '.'));
            return new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [$"'{field}' has a value of the wrong type or format; the schema lists what is allowed."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request has invalid fields",
                Detail = $"The value of '{field}' could not be read.",
            };
        }
        if (QueryBindingFailure.Match(exception.Message) is { Success: true } binding)
        {
            var parameter = binding.Groups["name"].Value;
            return new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [parameter] = [$"'{binding.Groups["value"].Value}' is not a valid value for {parameter}."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request has invalid fields",
                Detail = $"The value of '{parameter}' could not be read.",
            };
        }
        var title = exception.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "Request body too large",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
            _ => "Bad request",
        };
        var detail = exception.InnerException is JsonException
            ? "The request body is not valid JSON."
            : exception.Message;
        return Problem(exception.StatusCode, title, detail);
    }

    /// <summary>Minimal APIs report a query or route value that does not parse as: Failed to bind parameter "int? limit" from "abc".</summary>
    private static readonly Regex QueryBindingFailure =
        new("^Failed to bind parameter \"(?:[^\"]*[ >])?(?<name>\\w+)\" from \"(?<value>.*)\"\\.?$", RegexOptions.Compiled);

    private static ProblemDetails Forbidden(ForbiddenException exception)
    {
        var problem = Problem(StatusCodes.Status403Forbidden, "Forbidden", exception.Message);
        problem.Extensions["rule"] = exception.Rule;
        return problem;
    }

    /// <summary>Every error of an import, each with its row and column, so the whole file can be corrected at once.</summary>
    private static ProblemDetails LedgerErrors(LedgerImportException exception)
    {
        var problem = Problem(StatusCodes.Status422UnprocessableEntity, "The ledger has errors; nothing was imported",
            exception.Message + " " + string.Join(" ", exception.Errors.Take(3).Select(e => $"Row {e.Row}, {e.Column}: {e.Message}")));
        problem.Extensions["errors"] = exception.Errors;
        return problem;
    }

    private static ProblemDetails Rule(DomainRuleException exception)
    {
        var problem = Problem(StatusCodes.Status409Conflict, "The change breaks a rule", exception.Message);
        problem.Extensions["rule"] = exception.Rule;
        foreach (var (key, value) in exception.Details)
            problem.Extensions[key] = value;
        return problem;
    }

    /// <summary>"Patch.ContactName" or "Units[0].UnitId" → "contactName" / "units[0].unitId".</summary>
    internal static string FieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Where(segment => segment != "Patch")
            .Select(segment => JsonNamingPolicy.CamelCase.ConvertName(segment)));
}
