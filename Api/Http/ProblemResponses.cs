namespace Rectify.Api.Http;

public static class ProblemResponses
{
    /// <summary>Documents the problem+json answers an operation can give, one per status.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
            builder.ProducesProblem(status);
        return builder;
    }
}
