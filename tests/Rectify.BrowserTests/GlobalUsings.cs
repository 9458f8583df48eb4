global using NUnit.Framework;
global using Rectify.BrowserTests.Support;
