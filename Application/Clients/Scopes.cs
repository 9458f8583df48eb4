namespace Rectify.Application.Clients;

/// <summary>What an API key may do. <c>admin</c> includes every other scope.</summary>
public static class Scopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Report = "report";
    public const string Review = "review";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Read, Write, Report, Review, Admin];
}
