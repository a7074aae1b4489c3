app_name = "autoconfig"
urlpatterns: list = []
