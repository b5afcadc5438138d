// The API docs page: Swagger UI from the fastapi-offline package, on our own /openapi.json.
window.addEventListener("DOMContentLoaded", () => {
  window.ui = window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
