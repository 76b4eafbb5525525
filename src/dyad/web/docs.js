// Starts Swagger UI on /docs with Dyad's OpenAPI schema (a file, not an inline script: the API's CSP allows none).
"use strict";
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
