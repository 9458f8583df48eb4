global using NUnit.Framework;
global using Rectify.IntegrationTests.Support;
