namespace Rectify.Application.Common;

/// <summary>
/// An answer that carries a secret shown only once (a new API key, a webhook's signing secret). What is kept for an
/// idempotent replay is the answer without it, so the secret is never stored in clear.
/// </summary>
public interface IShownOnce
{
    object WithoutSecret();
}
