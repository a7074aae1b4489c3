from django.urls import path

from portal.mail.media import uploaded_image

urlpatterns = [path("<path:path>", uploaded_image, name="uploaded-image")]
