namespace Rectify.Application.Common;

/// <summary>
/// A setting the service cannot start with; the message names the setting and what it should hold. Start-up prints the
/// message as one line and exits 1 (an <see cref="InvalidOperationException"/> so existing handling still applies).
/// </summary>
public sealed class InvalidSettingException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
