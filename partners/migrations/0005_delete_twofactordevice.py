from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0004_two_factor_to_django_otp"),
    ]

    operations = [migrations.DeleteModel(name="TwoFactorDevice")]
