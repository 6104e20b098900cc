global using EcoDrive.Core;
