// Starts Swagger UI on the service's own OpenAPI document; served as a file so the
// page needs no inline script under its Content-Security-Policy.
globalThis.ui = globalThis.SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  // The token stays in the page's memory: never in localStorage, gone with the tab.
  persistAuthorization: false,
  tryItOutEnabled: true,
});
